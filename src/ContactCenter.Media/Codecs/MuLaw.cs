using System.Numerics;
using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// ITU-T G.711 µ-law, bit-exact with the classic CCITT/Sun reference (<c>linear2ulaw</c> /
/// <c>ulaw2linear</c>) on 16-bit linear samples.
/// </summary>
/// <remarks>
/// Encoding looks up a 16 KiB table indexed by the top 14 bits of the sample (µ-law is a 14-bit
/// law, so the two low bits never matter); decoding looks up 256 entries. Both tables are built once
/// from the G.711 segment formulas.
/// </remarks>
public static class MuLaw
{
    // The encoder adds this bias (33 in the 14-bit domain) so every segment starts at a power of two.
    private const int Bias14 = 33;
    private const int Clip14 = 8159;

    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one linear sample.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Encode(short sample) => EncodeTable[(ushort)sample >> 2];

    /// <summary>Decodes one µ-law code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes min(source, destination) samples one byte each; returns the count.</summary>
    public static int Encode(ReadOnlySpan<short> source, Span<byte> destination)
    {
        int count = Math.Min(source.Length, destination.Length);
        ref byte table = ref EncodeTable[0];
        for (int i = 0; i < count; i++)
        {
            destination[i] = Unsafe.Add(ref table, (ushort)source[i] >> 2);
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
        var table = new byte[1 << 14];
        for (int index = 0; index < table.Length; index++)
        {
            // index holds bits 15..2 of the sample; sign-extend it back to the 14-bit value.
            int value = (short)(index << 2) >> 2;
            table[index] = EncodeFourteenBit(value);
        }

        return table;
    }

    private static byte EncodeFourteenBit(int value)
    {
        int mask = value < 0 ? 0x7F : 0xFF;
        int magnitude = Math.Min(Math.Abs(value), Clip14) + Bias14;
        // Biased magnitudes run 33..8192; segment s covers [2^(s+5), 2^(s+6)).
        int segment = BitOperations.Log2((uint)magnitude) - 5;
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        int step = (magnitude >> (segment + 1)) & 0x0F;
        return (byte)(((segment << 4) | step) ^ mask);
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int code = 0; code < 256; code++)
        {
            int inverted = ~code & 0xFF;
            int segment = (inverted >> 4) & 0x07;
            int step = inverted & 0x0F;
            // G.711 decision midpoint in the 14-bit domain, scaled to 16 bits.
            int magnitude = (((2 * step + Bias14) << segment) - Bias14) << 2;
            table[code] = (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
        }

        return table;
    }
}
