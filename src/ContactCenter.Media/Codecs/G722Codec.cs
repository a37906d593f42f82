namespace ContactCenter.Media.Codecs;

/// <summary>
/// ITU-T G.722 SB-ADPCM at 64 kbit/s (mode 1): 16 kHz audio, one byte per pair of samples.
/// Static payload type 9; the rtpmap says G722/8000 for historical reasons (RFC 3551 §4.5.2), so
/// RTP timestamps advance 160 per 20 ms while the codec takes 320 samples.
/// </summary>
/// <remarks>Stateful: every stream needs its own encoder and decoder from the factories.</remarks>
public sealed class G722Codec : AudioCodec
{
    /// <summary>The one G.722 descriptor.</summary>
    public static readonly G722Codec Instance = new();

    /// <summary>
    /// End-to-end delay of an encoder and decoder pair, in 16 kHz samples: the two 24-tap QMFs.
    /// A decoded sample n corresponds to input sample n - 22 (1.375 ms).
    /// </summary>
    public const int CodecDelaySamples = 22;

    private G722Codec()
        : base("G722", 9, rtpClockRate: 8000, sampleRate: 16000, isStateless: false)
    {
    }

    /// <summary>Payload bytes for <paramref name="sampleCount"/> samples: one per pair (an odd last sample does not encode).</summary>
    public override int GetEncodedLength(int sampleCount) => sampleCount / 2;

    /// <inheritdoc />
    public override int GetDecodedLength(int payloadLength) => payloadLength * 2;

    /// <summary>Creates a new encoder with its own sub-band and filter state.</summary>
    public override IAudioEncoder CreateEncoder() => new G722Encoder();

    /// <summary>Creates a new decoder with its own sub-band and filter state.</summary>
    public override IAudioDecoder CreateDecoder() => new G722Decoder();
}
