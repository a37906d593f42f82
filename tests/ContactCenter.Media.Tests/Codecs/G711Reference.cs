namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// The classic CCITT/Sun G.711 reference (g711.c: linear2ulaw, ulaw2linear, linear2alaw,
/// alaw2linear), transcribed independently of the production tables, with its segment search.
/// </summary>
internal static class G711Reference
{
    private const int QuantMask = 0x0F;
    private const int SegShift = 4;
    private const int SegMask = 0x70;
    private const int SignBit = 0x80;
    private const int Bias = 0x84;
    private const int Clip = 8159;

    private static readonly int[] SegAEnd = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF];
    private static readonly int[] SegUEnd = [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF];

    public static byte LinearToALaw(int pcm)
    {
        int mask;
        pcm >>= 3;
        if (pcm >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            pcm = -pcm - 1;
        }

        int seg = Search(pcm, SegAEnd);
        if (seg >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        int aval = seg << SegShift;
        aval |= seg < 2 ? (pcm >> 1) & QuantMask : (pcm >> seg) & QuantMask;
        return (byte)(aval ^ mask);
    }

    public static int ALawToLinear(byte code)
    {
        int a = code ^ 0x55;
        int t = (a & QuantMask) << 4;
        int seg = (a & SegMask) >> SegShift;
        switch (seg)
        {
            case 0:
                t += 8;
                break;
            case 1:
                t += 0x108;
                break;
            default:
                t += 0x108;
                t <<= seg - 1;
                break;
        }

        return (a & SignBit) != 0 ? t : -t;
    }

    public static byte LinearToULaw(int pcm)
    {
        int mask;
        pcm >>= 2;
        if (pcm < 0)
        {
            pcm = -pcm;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (pcm > Clip)
        {
            pcm = Clip;
        }

        pcm += Bias >> 2;
        int seg = Search(pcm, SegUEnd);
        if (seg >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        int uval = (seg << 4) | ((pcm >> (seg + 1)) & 0xF);
        return (byte)(uval ^ mask);
    }

    public static int ULawToLinear(byte code)
    {
        int u = ~code & 0xFF;
        int t = ((u & QuantMask) << 3) + Bias;
        t <<= (u & SegMask) >> SegShift;
        return (u & SignBit) != 0 ? Bias - t : t - Bias;
    }

    private static int Search(int value, int[] table)
    {
        for (int i = 0; i < table.Length; i++)
        {
            if (value <= table[i])
            {
                return i;
            }
        }

        return table.Length;
    }
}
