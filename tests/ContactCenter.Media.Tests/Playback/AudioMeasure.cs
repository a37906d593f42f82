namespace ContactCenter.Media.Tests.Playback;

/// <summary>Measurements for the playback tests (kept apart from the codec tests' helpers: each folder owns its data).</summary>
internal static class AudioMeasure
{
    /// <summary>The amplitude of the sine at <paramref name="frequency"/> (Goertzel; exact when the window holds whole periods of the bin).</summary>
    public static double Amplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
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

        double power = (previous * previous) + (previous2 * previous2) - (coefficient * previous * previous2);
        return 2 * Math.Sqrt(Math.Max(0, power)) / samples.Length;
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

    public static double Decibels(double ratio) => 20 * Math.Log10(ratio);
}
