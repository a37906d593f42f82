using System.Numerics;
using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law, bit-exact with the classic CCITT/Sun reference (<c>linear2alaw</c> /
/// <c>alaw2linear</c>) on 16-bit linear samples.
/// </summary>
/// <remarks>
/// Encoding looks up an 8 KiB table indexed by the top 13 bits of the sample (A-law is a 13-bit
/// law); decoding looks up 256 entries. Even bits are inverted on the line (the 0x55 mask).
/// </remarks>
public static class ALaw
{
    private const int EvenBitInversion = 0x55;

    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one linear sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Encode(short sample) => EncodeTable[(ushort)sample >> 3];

    /// <summary>Decodes one A-law code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes min(source, destination) samples one byte each; returns the count.</summary>
    public static int Encode(ReadOnlySpan<short> source, Span<byte> destination)
    {
        int count = Math.Min(source.Length, destination.Length);
        ref byte table = ref EncodeTable[0];
        for (int i = 0; i < count; i++)
        {
            destination[i] = Unsafe.Add(ref table, (ushort)source[i] >> 3);
        }

        return count;
    }

    /// <summary>Decodes min(source, destination) codes; returns the count.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<short> destination)
    {
        int count = Math.Min(source.Length, destination.Length);
        ref short table = ref DecodeTable[0];
        for (int i = 0; i < count; i++)
        {
            destination[i] = Unsafe.Add(ref table, source[i]);
        }

        return count;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[1 << 13];
        for (int index = 0; index < table.Length; index++)
        {
            int value = (short)(index << 3) >> 3;
            table[index] = EncodeThirteenBit(value);
        }

        return table;
    }

    private static byte EncodeThirteenBit(int value)
    {
        // A-law is sign-magnitude around -0.5: negative values fold with one's complement, so
        // -1 and 0 land in the two smallest steps on either side.
        int sign = value >= 0 ? 0x80 : 0x00;
        int magnitude = value >= 0 ? value : ~value;
        // Segment 0 and 1 share the step size; segment s >= 1 covers [2^(s+4), 2^(s+5)).
        int segment = magnitude < 0x20 ? 0 : BitOperations.Log2((uint)magnitude) - 4;
        int step = (magnitude >> (segment < 2 ? 1 : segment)) & 0x0F;
        return (byte)((sign | (segment << 4) | step) ^ EvenBitInversion);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int line = code ^ EvenBitInversion;
            int segment = (line >> 4) & 0x07;
            int step = line & 0x0F;
            // Midpoint of the quantisation interval in the 13-bit domain, scaled to 16 bits.
            int magnitude = segment == 0 ? (2 * step + 1) << 3 : ((2 * step + 33) << (segment - 1)) << 3;
            table[code] = (short)((line & 0x80) != 0 ? magnitude : -magnitude);
        }

        return table;
    }
}
