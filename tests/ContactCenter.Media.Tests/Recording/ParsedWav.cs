using System.Buffers.Binary;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Recording;

/// <summary>A WAV file read back independently of the recorder's own header code, samples decoded per channel.</summary>
internal sealed record ParsedWav(
    ushort FormatTag,
    int Channels,
    int SampleRate,
    int BlockAlign,
    int BitsPerSample,
    int FormatChunkSize,
    uint RiffSize,
    long? FactSamples,
    uint DataSize,
    long FileLength,
    short[][] Samples)
{
    public long SampleFrames => DataSize / BlockAlign;

    public static ParsedWav Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= 12, "shorter than a RIFF header");
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        uint riff = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        int position = 12;
        ushort tag = 0, channels = 0, align = 0, bits = 0;
        int rate = 0, fmtSize = 0;
        long? fact = null;
        while (position + 8 <= bytes.Length)
        {
            string id = System.Text.Encoding.ASCII.GetString(bytes, position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(position + 4));
            int body = position + 8;
            switch (id)
            {
                case "fmt ":
                    fmtSize = (int)size;
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body));
                    channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 2));
                    rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                    align = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 12));
                    bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(body + 14));
                    break;
                case "fact":
                    fact = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body));
                    break;
                case "data":
                    Assert.True(body + size <= bytes.Length, $"data chunk claims {size} bytes, file has {bytes.Length - body}");
                    return new ParsedWav(tag, channels, rate, align, bits, fmtSize, riff, fact, size, bytes.Length,
                        Decode(bytes.AsSpan(body, (int)size), tag, channels));
            }

            position = body + (int)size + (int)(size & 1);
        }

        Assert.Fail("no data chunk");
        return null!;
    }

    private static short[][] Decode(ReadOnlySpan<byte> data, ushort tag, int channels)
    {
        int bytesPerSample = tag == 1 ? 2 : 1;
        int frames = data.Length / (bytesPerSample * channels);
        var result = new short[channels][];
        for (int c = 0; c < channels; c++)
        {
            result[c] = new short[frames];
            for (int n = 0; n < frames; n++)
            {
                int index = (n * channels) + c;
                result[c][n] = tag switch
                {
                    1 => BinaryPrimitives.ReadInt16LittleEndian(data[(2 * index)..]),
                    7 => MuLaw.Decode(data[index]),
                    6 => ALaw.Decode(data[index]),
                    _ => throw new InvalidDataException($"format tag {tag}"),
                };
            }
        }

        return result;
    }
}
