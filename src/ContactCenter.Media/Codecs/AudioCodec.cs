namespace ContactCenter.Media.Codecs;

/// <summary>
/// Describes one audio payload format as SDP and RTP see it, and creates the per-stream
/// encoders and decoders that do the work.
/// </summary>
/// <remarks>
/// A codec object is immutable and shared by every stream. State lives in the
/// <see cref="IAudioEncoder"/> and <see cref="IAudioDecoder"/> it creates: one of each per stream
/// and direction. For stateless codecs (<see cref="IsStateless"/>: G.711, L16) the factories return
/// one shared instance and allocate nothing.
/// </remarks>
public abstract class AudioCodec
{
    /// <summary>The packetisation interval every frame-sized member refers to.</summary>
    public const int FrameMilliseconds = 20;

    private protected AudioCodec(string name, int? staticPayloadType, int rtpClockRate, int sampleRate, bool isStateless)
    {
        Name = name;
        StaticPayloadType = staticPayloadType;
        RtpClockRate = rtpClockRate;
        SampleRate = sampleRate;
        IsStateless = isStateless;
        SamplesPerFrame = sampleRate * FrameMilliseconds / 1000;
        BytesPerFrame = GetEncodedLength(SamplesPerFrame);
        RtpTicksPerFrame = rtpClockRate * FrameMilliseconds / 1000;
    }

    /// <summary>The encoding name of the SDP <c>a=rtpmap</c> line: "PCMU", "PCMA", "G722", "L16".</summary>
    public string Name { get; }

    /// <summary>The RFC 3551 static payload type (0, 8, 9), or null when the format needs a dynamic one.</summary>
    public int? StaticPayloadType { get; }

    /// <summary>
    /// The clock rate of the rtpmap line and of RTP timestamps. G.722 advertises 8000 although it
    /// samples at 16 kHz (RFC 3551 §4.5.2), so this is not always <see cref="SampleRate"/>.
    /// </summary>
    public int RtpClockRate { get; }

    /// <summary>The real sampling rate of the linear PCM the encoder takes and the decoder gives.</summary>
    public int SampleRate { get; }

    /// <summary>Channel count; every codec here is mono.</summary>
    public int Channels => 1;

    /// <summary>True when encoders and decoders keep no state between calls and are shared.</summary>
    public bool IsStateless { get; }

    /// <summary>Linear samples in one 20 ms frame (160 at 8 kHz, 320 at 16 kHz).</summary>
    public int SamplesPerFrame { get; }

    /// <summary>Payload bytes of one 20 ms frame.</summary>
    public int BytesPerFrame { get; }

    /// <summary>RTP timestamp increment of one 20 ms frame (160 for G.722 as for G.711).</summary>
    public int RtpTicksPerFrame { get; }

    /// <summary>Payload bytes that <paramref name="sampleCount"/> linear samples encode to.</summary>
    public abstract int GetEncodedLength(int sampleCount);

    /// <summary>
    /// Linear samples that a payload of <paramref name="payloadLength"/> bytes decodes to, or
    /// <see cref="CodecResult.InvalidLength"/> when no payload of this codec can have that length.
    /// </summary>
    public abstract int GetDecodedLength(int payloadLength);

    /// <summary>RTP timestamp ticks covered by <paramref name="sampleCount"/> linear samples.</summary>
    public int GetRtpTicks(int sampleCount) => (int)((long)sampleCount * RtpClockRate / SampleRate);

    /// <summary>Creates the encoder for one outgoing stream (a shared instance when stateless).</summary>
    public abstract IAudioEncoder CreateEncoder();

    /// <summary>Creates the decoder for one incoming stream (a shared instance when stateless).</summary>
    public abstract IAudioDecoder CreateDecoder();

    /// <summary>The rtpmap form, "PCMU/8000".</summary>
    public override string ToString() => $"{Name}/{RtpClockRate}";
}
