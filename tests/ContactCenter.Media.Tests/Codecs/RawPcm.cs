using System.Buffers.Binary;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Reads and writes headerless signed 16-bit little-endian PCM, the form sox and ffmpeg exchange.</summary>
internal static class RawPcm
{
    public static void Write(string path, ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), samples[i]);
        }

        File.WriteAllBytes(path, bytes);
    }

    public static short[] Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var samples = new short[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2));
        }

        return samples;
    }
}
