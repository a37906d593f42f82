using System.Buffers.Binary;

namespace ContactCenter.Media.Recording;

/// <summary>
/// The canonical header the recorder writes: <c>RIFF/WAVE</c>, <c>fmt </c> (16 bytes for PCM; 18 with
/// <c>cbSize = 0</c> for G.711, as WAVE requires for non-PCM tags), a <c>fact</c> chunk with the sample count for
/// G.711, then <c>data</c>. The header is rewritten in place whenever the sizes change.
/// </summary>
internal static class WavHeader
{
    public const int PcmLength = 44;
    public const int CompandedLength = 58;

    /// <summary>The largest data chunk a RIFF file can describe (its sizes are 32-bit), kept even.</summary>
    public const long MaxDataBytes = uint.MaxValue - CompandedLength - 1;

    public static int GetLength(RecordingFormat format) => format.Encoding == RecordingEncoding.Pcm16 ? PcmLength : CompandedLength;

    /// <summary>Writes the whole header for <paramref name="dataBytes"/> of audio into <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination, RecordingFormat format, long dataBytes)
    {
        bool pcm = format.Encoding == RecordingEncoding.Pcm16;
        int length = GetLength(format);
        Span<byte> header = destination[..length];
        header.Clear();
        uint data = (uint)dataBytes;

        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(length - 8) + data);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], pcm ? 16u : 18u);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], format.FormatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(format.SampleRate * format.BlockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], (ushort)(format.BytesPerSample * 8));
        int offset = 36;
        if (!pcm)
        {
            // cbSize (bytes 36..37) stays 0.
            offset = 38;
            "fact"u8.CopyTo(header[offset..]);
            BinaryPrimitives.WriteUInt32LittleEndian(header[(offset + 4)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(header[(offset + 8)..], data / (uint)format.BlockAlign);
            offset += 12;
        }

        "data"u8.CopyTo(header[offset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[(offset + 4)..], data);
        return length;
    }
}
