namespace ContactCenter.Media.Assets;

/// <summary>
/// Composes the default music on hold: 30 s of a slow D-major progression (Dmaj7 – Bm7 – Gmaj7 – A7sus4, twice, the
/// second time with a brighter arpeggio), a soft detuned pad under a bell-like arpeggio, all inside the telephone band
/// (a soft bass at 98–147 Hz, everything else 196–1568 Hz) so it survives G.711. Ours, generated, royalty-free, and deterministic: the same code
/// gives the same file (to ±1 LSB across floating-point libraries), which a test checks against the shipped asset.
/// </summary>
/// <remarks>The end fades into the start so the clip loops without a seam. Regenerate the file with the test described in Assets/README.md.</remarks>
internal static class MusicOnHoldGenerator
{
    public const int SampleRate = 16000;
    public const int Seconds = 30;

    private const double ChordSeconds = 3.75;
    private const double PeakLevel = 0.45;

    // MIDI notes: pad voicing, then arpeggio notes.
    private static readonly int[][] PadChords =
    [
        [50, 57, 61, 64, 66],   // Dmaj7: D3 A3 C#4 E4 F#4
        [47, 54, 57, 62, 66],   // Bm7:   B2 F#3 A3 D4 F#4
        [43, 55, 59, 62, 66],   // Gmaj7: G2 G3 B3 D4 F#4
        [45, 52, 55, 62, 64],   // A7sus4: A2 E3 G3 D4 E4
    ];

    private static readonly int[][] ArpeggioNotes =
    [
        [69, 73, 76, 78, 76, 73, 69, 66],
        [66, 69, 74, 78, 74, 69, 66, 62],
        [67, 71, 74, 78, 74, 71, 67, 62],
        [69, 74, 76, 79, 76, 74, 69, 64],
    ];

    public static short[] Generate()
    {
        int total = SampleRate * Seconds;
        var mix = new double[total];
        int chordCount = (int)(Seconds / ChordSeconds);
        for (int c = 0; c < chordCount; c++)
        {
            double start = c * ChordSeconds;
            foreach (int note in PadChords[c % 4])
            {
                AddPadNote(mix, Frequency(note), start, ChordSeconds, PadWeight(note));
            }

            int octaveLift = c >= 4 ? 12 : 0;
            int[] arpeggio = ArpeggioNotes[c % 4];
            for (int step = 0; step < arpeggio.Length; step++)
            {
                int note = arpeggio[step] + (step % 4 == 3 ? octaveLift : 0);
                AddBellNote(mix, Frequency(note), start + (step * ChordSeconds / arpeggio.Length), step == 0 ? 0.9 : 0.6);
            }
        }

        return Normalise(mix);
    }

    // The bass only colours: a telephone line drops most of what lies under 300 Hz (MIDI 62).
    private static double PadWeight(int midiNote) => midiNote < 52 ? 0.3 : midiNote < 60 ? 0.6 : 1.0;

    private static double Frequency(int midiNote) => 440 * Math.Pow(2, (midiNote - 69) / 12.0);

    private static void AddPadNote(double[] mix, double frequency, double start, double length, double weight)
    {
        const double Attack = 0.9;
        const double Release = 1.2;
        int first = (int)(start * SampleRate);
        int count = (int)((length + Release) * SampleRate);
        for (int i = 0; i < count; i++)
        {
            double t = (double)i / SampleRate;
            double envelope = t < Attack ? Smooth(t / Attack) : t < length ? 1 : 1 - Smooth((t - length) / Release);

            // Two voices 0.7 Hz apart make a slow chorus; a little second and third harmonic make it warm, not pure.
            double phase = 2 * Math.PI * frequency * t;
            double detuned = 2 * Math.PI * (frequency + 0.7) * t;
            double voice = Math.Sin(phase) + Math.Sin(detuned) + (0.25 * Math.Sin(2 * phase)) + (0.08 * Math.Sin(3 * detuned));
            // Tails that run past the end wrap onto the start, so the loop point is inaudible.
            mix[(first + i) % mix.Length] += 0.05 * weight * envelope * voice;
        }
    }

    private static void AddBellNote(double[] mix, double frequency, double start, double velocity)
    {
        const double Length = 2.0;
        int first = (int)(start * SampleRate);
        int count = (int)(Length * SampleRate);
        for (int i = 0; i < count; i++)
        {
            double t = (double)i / SampleRate;
            double envelope = Math.Min(1, t / 0.008) * Math.Exp(-t / 0.55);
            double phase = 2 * Math.PI * frequency * t;
            double voice = Math.Sin(phase) + (0.3 * Math.Sin(2 * phase) * Math.Exp(-t / 0.2)) + (0.1 * Math.Sin(3.01 * phase) * Math.Exp(-t / 0.1));
            mix[(first + i) % mix.Length] += 0.12 * velocity * envelope * voice;
        }
    }

    private static double Smooth(double x) => x <= 0 ? 0 : x >= 1 ? 1 : x * x * (3 - (2 * x));

    private static short[] Normalise(double[] mix)
    {
        double peak = 0;
        foreach (double v in mix)
        {
            peak = Math.Max(peak, Math.Abs(v));
        }

        double gain = PeakLevel * short.MaxValue / peak;
        var samples = new short[mix.Length];
        for (int i = 0; i < mix.Length; i++)
        {
            samples[i] = (short)Math.Round(mix[i] * gain);
        }

        return samples;
    }
}
