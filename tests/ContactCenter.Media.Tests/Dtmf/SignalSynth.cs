using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Tests.Dtmf;

/// <summary>Synthesizes 8 kHz 16-bit test signals: DTMF pairs, sines, noise and a speech-like voiced signal.</summary>
internal static class SignalSynth
{
    public const int SampleRate = 8000;

    private static readonly Dictionary<char, (double Row, double Column)> Pairs = new()
    {
        ['1'] = (697, 1209), ['2'] = (697, 1336), ['3'] = (697, 1477), ['A'] = (697, 1633),
        ['4'] = (770, 1209), ['5'] = (770, 1336), ['6'] = (770, 1477), ['B'] = (770, 1633),
        ['7'] = (852, 1209), ['8'] = (852, 1336), ['9'] = (852, 1477), ['C'] = (852, 1633),
        ['*'] = (941, 1209), ['0'] = (941, 1336), ['#'] = (941, 1477), ['D'] = (941, 1633),
    };

    public static IEnumerable<char> AllDigits => Pairs.Keys;

    public static double Amplitude(double dbm0) => GoertzelDtmfDetector.ZeroDbm0Amplitude * Math.Pow(10, dbm0 / 20);

    public static double[] Silence(int milliseconds) => new double[Samples(milliseconds)];

    public static double[] Dtmf(char digit, int milliseconds, double rowDbm0 = -10, double columnDbm0 = -10, double frequencyFactor = 1)
    {
        var (row, column) = Pairs[digit];
        var signal = new double[Samples(milliseconds)];
        AddSine(signal, row * frequencyFactor, Amplitude(rowDbm0), 0.3);
        AddSine(signal, column * frequencyFactor, Amplitude(columnDbm0), 1.1);
        return signal;
    }

    public static double[] Sine(double frequency, int milliseconds, double dbm0)
    {
        var signal = new double[Samples(milliseconds)];
        AddSine(signal, frequency, Amplitude(dbm0), 0);
        return signal;
    }

    public static double[] AddNoise(double[] signal, double dbm0, int seed)
    {
        // Gaussian noise whose power equals a sine at dbm0: sigma = A / sqrt(2).
        var random = new Random(seed);
        var sigma = Amplitude(dbm0) / Math.Sqrt(2);
        var noisy = (double[])signal.Clone();
        for (var i = 0; i < noisy.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy[i] += sigma * gaussian;
        }

        return noisy;
    }

    /// <summary>
    /// A voiced, speech-like signal: a glottal pulse train with a wandering pitch (85–260 Hz), shaped by three formant
    /// resonators that jump to a new vowel every 80–200 ms, with syllable-rate amplitude and some breath noise.
    /// </summary>
    public static double[] SpeechLike(int milliseconds, int seed)
    {
        var random = new Random(seed);
        var signal = new double[Samples(milliseconds)];
        var formants = new Resonator[3];
        var pitch = 120.0;
        var phase = 0.0;
        var nextVowel = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            if (i == nextVowel)
            {
                formants[0] = new Resonator(250 + (random.NextDouble() * 650), 60 + (random.NextDouble() * 60));
                formants[1] = new Resonator(800 + (random.NextDouble() * 1600), 80 + (random.NextDouble() * 80));
                formants[2] = new Resonator(2200 + (random.NextDouble() * 1000), 120 + (random.NextDouble() * 100));
                pitch = 85 + (random.NextDouble() * 175);
                nextVowel = i + Samples(80 + random.Next(120));
            }

            pitch *= 1 + ((random.NextDouble() - 0.5) * 0.002);
            phase += pitch / SampleRate;
            var excitation = (phase >= 1 ? 1.0 : 0.0) + ((random.NextDouble() - 0.5) * 0.05);
            phase %= 1;
            var voiced = formants[0].Next(excitation) + (0.6 * formants[1].Next(excitation)) + (0.3 * formants[2].Next(excitation));
            var syllable = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 4 * i / SampleRate));
            signal[i] = voiced * syllable;
        }

        // Scale to speech at about −15 dBm0 RMS.
        var rms = Math.Sqrt(signal.Average(x => x * x));
        var target = Amplitude(-15) / Math.Sqrt(2);
        return signal.Select(x => x * target / rms).ToArray();
    }

    public static double[] Concat(params double[][] parts) => parts.SelectMany(p => p).ToArray();

    public static short[] ToPcm(double[] signal) =>
        signal.Select(x => (short)Math.Clamp(Math.Round(x), short.MinValue, short.MaxValue)).ToArray();

    public static int Samples(int milliseconds) => milliseconds * SampleRate / 1000;

    private static void AddSine(double[] signal, double frequency, double amplitude, double phase)
    {
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] += amplitude * Math.Sin((2 * Math.PI * frequency * i / SampleRate) + phase);
        }
    }

    private sealed class Resonator
    {
        private readonly double _a1;
        private readonly double _a2;
        private readonly double _gain;
        private double _y1;
        private double _y2;

        public Resonator(double frequency, double bandwidth)
        {
            var r = Math.Exp(-Math.PI * bandwidth / SampleRate);
            _a1 = 2 * r * Math.Cos(2 * Math.PI * frequency / SampleRate);
            _a2 = -r * r;
            _gain = 1 - r;
        }

        public double Next(double x)
        {
            var y = (_gain * x) + (_a1 * _y1) + (_a2 * _y2);
            _y2 = _y1;
            _y1 = y;
            return y;
        }
    }
}
