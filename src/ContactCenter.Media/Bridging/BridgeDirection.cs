using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Bridging;

/// <summary>
/// One direction of a bridge, running on the source endpoint's receive loop. Per packet: a payload in the codec the
/// target sends is relayed as is (payload type mapped, header rewritten in place by the target, same buffer sent: no
/// decode, no copy, no allocation); a telephone-event is relayed with the target's telephone-event payload type; any
/// other codec goes to the transcoding path, a jitter buffer the target's media-clock tick resamples and
/// encodes. Deciding per packet keeps a call right when the peer switches codec mid-stream.
/// </summary>
internal sealed class BridgeDirection : IRtpPacketSink, IAudioSource
{
    private readonly RtpEndpoint _target;
    private readonly AudioFormat _format;
    private InboundAudio? _transcodeQueue; // made by the first packet that needs transcoding: most bridges only relay
    private long _relayed;
    private long _telephoneEvents;
    private long _transcoded;
    private long _dropped;

    public BridgeDirection(RtpEndpoint target)
    {
        _target = target;
        var rate = target.CurrentMedia?.SendCodec?.SampleRate ?? AudioFormat.Narrowband.SampleRate;
        _format = new AudioFormat(rate);
    }

    /// <summary>The decoded frames for the target (the transcoding path).</summary>
    public IAudioSource TranscodedAudio => this;

    AudioFormat IAudioSource.Format => _format;

    // The target's media clock reads here; until a packet needed transcoding there is nothing to send.
    bool IAudioSource.ReadFrame(Span<short> frame) => Volatile.Read(ref _transcodeQueue) is { } queue && queue.ReadFrame(frame);

    public BridgeDirectionCounters Counters => new(
        Volatile.Read(ref _relayed), Volatile.Read(ref _telephoneEvents), Volatile.Read(ref _transcoded), Volatile.Read(ref _dropped));

    public void OnRtpPacket(RtpEndpoint source, Span<byte> packet, int payloadOffset, int payloadLength, AudioCodec? codec, bool isTelephoneEvent, long arrivalTimestamp)
    {
        var target = _target.CurrentMedia;
        if (target is null)
        {
            _dropped++;
            return;
        }

        if (isTelephoneEvent)
        {
            if (target.SendTelephoneEvent >= 0 && _target.TryRelay(packet, payloadLength, (byte)target.SendTelephoneEvent, arrivalTimestamp))
            {
                _telephoneEvents++;
            }
            else
            {
                _dropped++;
            }

            return;
        }

        if (codec is null || target.SendCodec is null)
        {
            _dropped++;
            return;
        }

        if (ReferenceEquals(codec, target.SendCodec))
        {
            if (_target.TryRelay(packet, payloadLength, target.SendPayloadType, arrivalTimestamp))
            {
                _relayed++;
            }
            else
            {
                _dropped++;
            }

            return;
        }

        var queue = _transcodeQueue ?? Interlocked.CompareExchange(ref _transcodeQueue, new InboundAudio(_format, _target.JitterOptions, _target.Time), null) ?? _transcodeQueue;
        queue.Write(codec, RtpHeaderFields.ReadSsrc(packet), RtpHeaderFields.ReadTimestamp(packet), packet.Slice(payloadOffset, payloadLength), arrivalTimestamp);
        _transcoded++;
    }
}
