using System.Buffers.Binary;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Playback;

/// <summary>
/// Parses a RIFF/WAVE file held in memory: mono 16-bit PCM, µ-law or A-law at 8 or 16 kHz. Robust to what real files
/// contain: unknown chunks are skipped (with their odd-size pad byte), a data size of 0 or 0xFFFFFFFF (written by a
/// streaming recorder that never came back to fix it) means "to the end of the file", and the RIFF size is ignored.
/// Returns a <see cref="WavError"/>; never throws on bad content.
/// </summary>
public static class WavReader
{
    private const uint StreamingSizeUnknown = 0xFFFFFFFF;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Decodes <paramref name="file"/> into linear samples.</summary>
    public static WavError TryDecode(ReadOnlySpan<byte> file, out short[] samples, out int sampleRate, out WavEncoding encoding)
    {
        samples = [];
        WavError error = TryParse(file, out sampleRate, out encoding, out int dataOffset, out int dataLength);
        if (error != WavError.None)
        {
            return error;
        }

        ReadOnlySpan<byte> data = file.Slice(dataOffset, dataLength);
        switch (encoding)
        {
            case WavEncoding.Pcm16:
                samples = new short[data.Length / 2];
                for (int i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
                }

                break;
            case WavEncoding.MuLaw:
                samples = new short[data.Length];
                MuLaw.Decode(data, samples);
                break;
            default:
                samples = new short[data.Length];
                ALaw.Decode(data, samples);
                break;
        }

        return WavError.None;
    }

    /// <summary>Finds the format and the audio bytes of <paramref name="file"/> without decoding them.</summary>
    public static WavError TryParse(ReadOnlySpan<byte> file, out int sampleRate, out WavEncoding encoding, out int dataOffset, out int dataLength)
    {
        sampleRate = 0;
        encoding = WavEncoding.Pcm16;
        dataOffset = 0;
        dataLength = 0;
        if (file.Length < 12)
        {
            return file.Length >= 4 && file[..4].SequenceEqual("RIFF"u8) ? WavError.Truncated : WavError.NotWave;
        }

        if (!file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return WavError.NotWave;
        }

        bool haveFormat = false;
        int channels = 0;
        int bits = 0;
        int tag = 0;
        long position = 12;
        while (true)
        {
            if (position + 8 > file.Length)
            {
                return position < file.Length ? WavError.Truncated : haveFormat ? WavError.MissingData : WavError.MissingFormat;
            }

            ReadOnlySpan<byte> id = file.Slice((int)position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file[((int)position + 4)..]);
            long body = position + 8;
            if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat)
                {
                    return WavError.MissingFormat;
                }

                long end = size is 0 or StreamingSizeUnknown ? file.Length : body + size;
                if (end > file.Length)
                {
                    return WavError.Truncated;
                }

                dataOffset = (int)body;
                dataLength = (int)(end - body);
                break;
            }

            if (body + size > file.Length)
            {
                return WavError.Truncated;
            }

            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16)
                {
                    return WavError.Truncated;
                }

                ReadOnlySpan<byte> format = file.Slice((int)body, (int)size);
                tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
                sampleRate = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(format[4..]));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
                if (tag == FormatExtensible && size >= 26)
                {
                    // WAVE_FORMAT_EXTENSIBLE: the real format tag opens the sub-format GUID.
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(format[24..]);
                }

                haveFormat = true;
            }

            position = body + size + (size & 1);
        }

        if (channels != 1)
        {
            return WavError.UnsupportedChannels;
        }

        if (sampleRate is not (8000 or 16000))
        {
            return WavError.UnsupportedSampleRate;
        }

        switch (tag, bits)
        {
            case (1, 16):
                encoding = WavEncoding.Pcm16;
                dataLength &= ~1;
                break;
            case (6, 8):
                encoding = WavEncoding.ALaw;
                break;
            case (7, 8):
                encoding = WavEncoding.MuLaw;
                break;
            default:
                return WavError.UnsupportedEncoding;
        }

        return dataLength == 0 ? WavError.NoAudio : WavError.None;
    }
}
