using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// L16 (RFC 3551 §4.5.11): uncompressed signed 16-bit samples in network (big-endian) byte order.
/// Mono at 8 or 16 kHz, which always takes a dynamic payload type. Stateless.
/// </summary>
public sealed class L16Codec : AudioCodec, IAudioEncoder, IAudioDecoder
{
    /// <summary>L16/8000, mono.</summary>
    public static readonly L16Codec Narrowband = new(8000);

    /// <summary>L16/16000, mono.</summary>
    public static readonly L16Codec Wideband = new(16000);

    private L16Codec(int sampleRate)
        : base("L16", staticPayloadType: null, rtpClockRate: sampleRate, sampleRate: sampleRate, isStateless: true)
    {
    }

    AudioCodec IAudioEncoder.Codec => this;

    AudioCodec IAudioDecoder.Codec => this;

    /// <inheritdoc />
    public override int GetEncodedLength(int sampleCount) => sampleCount * sizeof(short);

    /// <inheritdoc />
    public override int GetDecodedLength(int payloadLength) =>
        (payloadLength & 1) == 0 ? payloadLength / sizeof(short) : CodecResult.InvalidLength;

    /// <summary>Returns this instance: L16 keeps no state.</summary>
    public override IAudioEncoder CreateEncoder() => this;

    /// <summary>Returns this instance: L16 keeps no state.</summary>
    public override IAudioDecoder CreateDecoder() => this;

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        int byteCount = pcm.Length * sizeof(short);
        if (payload.Length < byteCount)
        {
            return CodecResult.DestinationTooSmall;
        }

        Span<short> target = MemoryMarshal.Cast<byte, short>(payload[..byteCount]);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(pcm, target);
        }
        else
        {
            pcm.CopyTo(target);
        }

        return byteCount;
    }

    /// <inheritdoc />
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if ((payload.Length & 1) != 0)
        {
            return CodecResult.InvalidLength;
        }

        int sampleCount = payload.Length / sizeof(short);
        if (pcm.Length < sampleCount)
        {
            return CodecResult.DestinationTooSmall;
        }

        ReadOnlySpan<short> source = MemoryMarshal.Cast<byte, short>(payload);
        if (BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, pcm);
        }
        else
        {
            source.CopyTo(pcm);
        }

        return sampleCount;
    }

    void IAudioEncoder.Reset()
    {
    }

    void IAudioDecoder.Reset()
    {
    }
}
