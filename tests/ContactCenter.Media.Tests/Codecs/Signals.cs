namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Test signals and the measurements the codec tests judge them by.</summary>
internal static class Signals
{
    public static short[] Tone(double frequency, int sampleRate, int count, double amplitude = 10000, double phase = 0)
    {
        var samples = new short[count];
        for (int n = 0; n < count; n++)
        {
            samples[n] = (short)Math.Round(amplitude * Math.Sin((2 * Math.PI * frequency * n / sampleRate) + phase));
        }

        return samples;
    }

    /// <summary>A linear chirp from <paramref name="startHz"/> to <paramref name="endHz"/>.</summary>
    public static short[] Sweep(double startHz, double endHz, int sampleRate, int count, double amplitude = 10000)
    {
        var samples = new short[count];
        double duration = (double)count / sampleRate;
        for (int n = 0; n < count; n++)
        {
            double t = (double)n / sampleRate;
            double phase = 2 * Math.PI * ((startHz * t) + ((endHz - startHz) * t * t / (2 * duration)));
            samples[n] = (short)Math.Round(amplitude * Math.Sin(phase));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (short s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    /// <summary>Power of one frequency (Goertzel), normalised so a full-length sine of amplitude A gives A²/4·N².</summary>
    public static double GoertzelPower(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double previous = 0;
        double previous2 = 0;
        foreach (short s in samples)
        {
            double current = s + (coefficient * previous) - previous2;
            previous2 = previous;
            previous = current;
        }

        return (previous * previous) + (previous2 * previous2) - (coefficient * previous * previous2);
    }

    /// <summary>The strongest of the frequencies step, 2·step, … below Nyquist.</summary>
    public static double StrongestFrequency(ReadOnlySpan<short> samples, int sampleRate, double step)
    {
        double best = 0;
        double bestPower = -1;
        for (double frequency = step; frequency < sampleRate / 2.0; frequency += step)
        {
            double power = GoertzelPower(samples, frequency, sampleRate);
            if (power > bestPower)
            {
                bestPower = power;
                best = frequency;
            }
        }

        return best;
    }

    /// <summary>Amplitude of a frequency component estimated by Goertzel.</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate) =>
        2 * Math.Sqrt(GoertzelPower(samples, frequency, sampleRate)) / samples.Length;

    /// <summary>
    /// Signal-to-noise ratio of <paramref name="decoded"/> against <paramref name="reference"/> delayed
    /// by <paramref name="delay"/> samples, over [skip, end) of the reference.
    /// </summary>
    public static double SnrDb(ReadOnlySpan<short> reference, ReadOnlySpan<short> decoded, int delay, int skip)
    {
        double signal = 0;
        double noise = 0;
        for (int n = skip; n + delay < decoded.Length && n < reference.Length; n++)
        {
            double error = decoded[n + delay] - reference[n];
            signal += (double)reference[n] * reference[n];
            noise += error * error;
        }

        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }

    /// <summary>The delay in 0..maxDelay that gives the best SNR, and that SNR.</summary>
    public static (int Delay, double SnrDb) BestAlignedSnr(ReadOnlySpan<short> reference, ReadOnlySpan<short> decoded, int maxDelay, int skip)
    {
        int bestDelay = 0;
        double best = double.NegativeInfinity;
        for (int delay = 0; delay <= maxDelay; delay++)
        {
            double snr = SnrDb(reference, decoded, delay, skip);
            if (snr > best)
            {
                best = snr;
                bestDelay = delay;
            }
        }

        return (bestDelay, best);
    }
}
