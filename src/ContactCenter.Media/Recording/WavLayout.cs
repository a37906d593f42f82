using System.Buffers.Binary;

namespace ContactCenter.Media.Recording;

/// <summary>Where the parts of a WAV file are, as read from its chunk headers (any writer's, not only ours).</summary>
internal readonly record struct WavLayout(
    ushort FormatTag,
    int Channels,
    int SampleRate,
    int BlockAlign,
    int BitsPerSample,
    uint RiffSize,
    long FactSampleCountOffset,
    long DataSizeOffset,
    long DataOffset,
    uint DataSize)
{
    /// <summary>The most header bytes <see cref="TryParse"/> looks at before the data chunk.</summary>
    public const int MaxHeaderBytes = 4096;

    /// <summary>
    /// Walks the chunks of <paramref name="header"/> (the start of a file) up to the <c>data</c> chunk header.
    /// Returns false with a reason when it is not a RIFF/WAVE file with <c>fmt </c> before <c>data</c>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> header, out WavLayout layout, out string reason)
    {
        layout = default;
        if (header.Length < 12 || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
        {
            reason = "not a RIFF/WAVE file";
            return false;
        }

        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        long position = 12;
        bool haveFormat = false;
        ushort tag = 0, channels = 0, blockAlign = 0, bits = 0;
        uint rate = 0;
        long factOffset = -1;
        while (position + 8 <= header.Length)
        {
            ReadOnlySpan<byte> id = header.Slice((int)position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header[((int)position + 4)..]);
            long body = position + 8;
            if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat)
                {
                    reason = "data chunk before fmt chunk";
                    return false;
                }

                if (channels == 0 || blockAlign == 0 || rate == 0)
                {
                    reason = "fmt chunk has zero channels, block align or rate";
                    return false;
                }

                layout = new WavLayout(tag, channels, (int)rate, blockAlign, bits, riffSize, factOffset, position + 4, body, size);
                reason = "";
                return true;
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > header.Length)
                {
                    reason = "fmt chunk too short";
                    return false;
                }

                ReadOnlySpan<byte> fmt = header[(int)body..];
                tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
                rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
                blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
                haveFormat = true;
            }
            else if (id.SequenceEqual("fact"u8) && size >= 4)
            {
                factOffset = body;
            }

            position = body + size + (size & 1);
        }

        reason = "no data chunk in the first " + MaxHeaderBytes + " bytes";
        return false;
    }
}
