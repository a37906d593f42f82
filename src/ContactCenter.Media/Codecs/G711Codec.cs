namespace ContactCenter.Media.Codecs;

/// <summary>
/// ITU-T G.711 at 8 kHz, one byte per sample: PCMU (µ-law, payload type 0) and PCMA (A-law,
/// payload type 8). Stateless: the codec object is its own encoder and decoder.
/// </summary>
public sealed class G711Codec : AudioCodec, IAudioEncoder, IAudioDecoder
{
    /// <summary>PCMU/8000, static payload type 0.</summary>
    public static readonly G711Codec MuLaw = new("PCMU", 0, isALaw: false);

    /// <summary>PCMA/8000, static payload type 8.</summary>
    public static readonly G711Codec ALaw = new("PCMA", 8, isALaw: true);

    private readonly bool _isALaw;

    private G711Codec(string name, int payloadType, bool isALaw)
        : base(name, payloadType, rtpClockRate: 8000, sampleRate: 8000, isStateless: true)
    {
        _isALaw = isALaw;
    }

    AudioCodec IAudioEncoder.Codec => this;

    AudioCodec IAudioDecoder.Codec => this;

    /// <inheritdoc />
    public override int GetEncodedLength(int sampleCount) => sampleCount;

    /// <inheritdoc />
    public override int GetDecodedLength(int payloadLength) => payloadLength;

    /// <summary>Returns this instance: G.711 keeps no state.</summary>
    public override IAudioEncoder CreateEncoder() => this;

    /// <summary>Returns this instance: G.711 keeps no state.</summary>
    public override IAudioDecoder CreateDecoder() => this;

    /// <inheritdoc />
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (payload.Length < pcm.Length)
        {
            return CodecResult.DestinationTooSmall;
        }

        return _isALaw ? Codecs.ALaw.Encode(pcm, payload) : Codecs.MuLaw.Encode(pcm, payload);
    }

    /// <inheritdoc />
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (pcm.Length < payload.Length)
        {
            return CodecResult.DestinationTooSmall;
        }

        return _isALaw ? Codecs.ALaw.Decode(payload, pcm) : Codecs.MuLaw.Decode(payload, pcm);
    }

    void IAudioEncoder.Reset()
    {
    }

    void IAudioDecoder.Reset()
    {
    }
}
