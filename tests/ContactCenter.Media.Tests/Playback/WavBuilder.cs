using System.Buffers.Binary;

namespace ContactCenter.Media.Tests.Playback;

/// <summary>Hand-assembles WAV files, including the odd ones real recorders and editors leave behind.</summary>
internal static class WavBuilder
{
    public static byte[] Chunk(string id, ReadOnlySpan<byte> body, uint? declaredSize = null, bool pad = true)
    {
        var chunk = new List<byte>(System.Text.Encoding.ASCII.GetBytes(id));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declaredSize ?? (uint)body.Length);
        chunk.AddRange(size);
        chunk.AddRange(body.ToArray());
        if (pad && body.Length % 2 == 1)
        {
            chunk.Add(0);
        }

        return [.. chunk];
    }

    public static byte[] Format(ushort tag, ushort channels, uint rate, ushort bits, bool extensible = false)
    {
        var body = new byte[extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), rate * channels * (uint)(bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), bits);
            BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), tag);
        }

        return Chunk("fmt ", body);
    }

    public static byte[] Pcm16Bytes(ReadOnlySpan<short> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (int i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2 * i), samples[i]);
        }

        return bytes;
    }

    public static byte[] Riff(params byte[][] chunks)
    {
        byte[] body = [.. "WAVE"u8.ToArray(), .. chunks.SelectMany(c => c)];
        var header = new byte[8];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)body.Length);
        return [.. header, .. body];
    }

    public static byte[] Mono16(ReadOnlySpan<short> samples, uint rate = 8000) =>
        Riff(Format(1, 1, rate, 16), Chunk("data", Pcm16Bytes(samples)));

    public static short[] Ramp(int count) => [.. Enumerable.Range(0, count).Select(i => (short)((i * 37 % 20000) - 10000))];
}
