using System.Buffers.Binary;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// A WAV read back for analysis (16-bit PCM, or G.711 µ-law/A-law as calls are recorded, decoded to 16-bit samples): per-channel samples and the share of a window's energy that lies at one
/// frequency (a Goertzel filter), so a test can tell a phone's sine from music or silence.
/// </summary>
internal sealed class RecordedAudio
{
    private RecordedAudio(int sampleRate, short[][] channels)
    {
        SampleRate = sampleRate;
        Channels = channels;
    }

    public int SampleRate { get; }

    public short[][] Channels { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Channels[0].Length / SampleRate);

    /// <summary>
    /// Reads a canonical RIFF/WAVE file: PCM 16-bit (tag 1) or G.711 A-law (6) / µ-law (7), 8-bit — the recorder's output.
    /// </summary>
    public static RecordedAudio Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 44, $"{path} holds {bytes.Length} bytes, not a WAV");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        int channels = 0, rate = 0, bits = 0, tag = 0;
        int offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, offset, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            var body = bytes.AsSpan(offset + 8, Math.Min(size, bytes.Length - offset - 8));
            if (id == "fmt ")
            {
                tag = BinaryPrimitives.ReadInt16LittleEndian(body);
                Assert.Contains(tag, new[] { 1, 6, 7 }); // PCM, A-law, µ-law
                channels = BinaryPrimitives.ReadInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(body[14..]);
            }
            else if (id == "data")
            {
                Assert.Equal(tag == 1 ? 16 : 8, bits);
                int bytesPerSample = bits / 8;
                int frames = body.Length / (bytesPerSample * channels);
                var result = new short[channels][];
                for (int c = 0; c < channels; c++) result[c] = new short[frames];
                for (int i = 0; i < frames; i++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        int at = (i * channels + c) * bytesPerSample;
                        result[c][i] = tag switch
                        {
                            6 => ContactCenter.Media.Codecs.ALaw.Decode(body[at]),
                            7 => ContactCenter.Media.Codecs.MuLaw.Decode(body[at]),
                            _ => BinaryPrimitives.ReadInt16LittleEndian(body[at..]),
                        };
                    }
                }
                return new RecordedAudio(rate, result);
            }
            offset += 8 + size + (size & 1);
        }
        Assert.Fail($"{path} has no data chunk");
        return null!;
    }

    /// <summary>Samples of <paramref name="channel"/> between two offsets from the start of the file.</summary>
    public ReadOnlySpan<short> Window(int channel, TimeSpan from, TimeSpan to)
    {
        var samples = Channels[channel];
        int start = Math.Clamp((int)(from.TotalSeconds * SampleRate), 0, samples.Length);
        int end = Math.Clamp((int)(to.TotalSeconds * SampleRate), start, samples.Length);
        return samples.AsSpan(start, end - start);
    }

    /// <summary>Root mean square of the window, in 16-bit sample units.</summary>
    public static double Rms(ReadOnlySpan<short> window)
    {
        if (window.IsEmpty) return 0;
        double sum = 0;
        foreach (var s in window) sum += (double)s * s;
        return Math.Sqrt(sum / window.Length);
    }

    /// <summary>
    /// The share (0–1) of the window's energy at <paramref name="frequency"/>: 1 for a pure sine at that frequency, near 0
    /// when it is absent. Goertzel power |X|² of a sine of amplitude A over N samples is (A·N/2)², its energy A²·N/2,
    /// so a block's share is 2|X|²/(N·Σx²). Computed per 50 ms block and summed: a phase jump between packets (a lost
    /// or concealed frame, a re-anchored timestamp) must not cancel the tone as one long coherent sum would.
    /// </summary>
    public double ToneShare(ReadOnlySpan<short> window, double frequency)
    {
        if (window.IsEmpty) return 0;
        int block = SampleRate / 20;
        double coefficient = 2 * Math.Cos(2 * Math.PI * frequency / SampleRate);
        double weighted = 0, energy = 0;
        for (int start = 0; start < window.Length; start += block)
        {
            var part = window.Slice(start, Math.Min(block, window.Length - start));
            double s1 = 0, s2 = 0;
            foreach (var x in part)
            {
                double s0 = x + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
                energy += (double)x * x;
            }
            double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            weighted += 2 * power / part.Length;
        }
        return energy == 0 ? 0 : weighted / energy;
    }
}
