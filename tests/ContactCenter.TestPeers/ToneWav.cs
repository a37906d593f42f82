namespace ContactCenter.TestPeers;

/// <summary>Writes a sine tone as an 8 kHz, 16-bit, mono PCM WAV: a microphone for peers that read one from a file.</summary>
internal static class ToneWav
{
    private const int SampleRate = 8000;

    public static void Write(string path, int frequency, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frequency, SampleRate / 2);
        int samples = (int)(duration.TotalSeconds * SampleRate);
        using var writer = new BinaryWriter(File.Create(path));
        int dataBytes = samples * 2;
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)1); // mono
        writer.Write(SampleRate);
        writer.Write(SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        for (int i = 0; i < samples; i++)
        {
            // Half scale: loud enough for a Goertzel detector, far from clipping through G.711.
            writer.Write((short)(16384 * Math.Sin(2 * Math.PI * frequency * i / SampleRate)));
        }
    }
}
