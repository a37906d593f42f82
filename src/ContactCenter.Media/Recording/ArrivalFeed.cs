using ContactCenter.Media.Codecs;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Recording;

/// <summary>
/// One party of an <see cref="ArrivalFrames"/> recording, on that party's receive loop: maps each packet's RTP timestamp
/// to the engine's tick timeline and stores its payload there.
/// </summary>
/// <remarks>
/// <para>
/// A stream is anchored by its first packet: that packet's first sample goes <see cref="ArrivalFrames.PlayoutTicks"/>
/// ticks after the tick it arrived in, and every later packet goes where its timestamp's distance from the anchor puts
/// it, so reordered and lost packets keep the timeline (a loss is silence). Any packet time works (10, 20, 30 ms…), a
/// frame being assembled from its parts. The stream is anchored again on a new SSRC, a timestamp more than
/// <see cref="AheadTicks"/> ahead of the clock (a jump, or a sender's clock faster than ours), the newest packet so far
/// arriving after its tick was written (a sender's clock slower than ours), or a packet more than
/// <see cref="BehindTicks"/> behind that is the newest or a ring behind the newest (a stream restarted with the same
/// SSRC); an older packet arriving late is only late. A lead over the clock that stays more than
/// <see cref="ExcessLeadTicks"/> above the usual for <see cref="ExcessLeadPackets"/> packets (the burst after a delay
/// spike) is given up by anchoring again, so the two channels do not stay apart.
/// </para>
/// <para>Threads: <see cref="Write"/> on the receive loop of the endpoint it is attached to, one at a time.</para>
/// </remarks>
internal sealed class ArrivalFeed
{
    /// <summary>A packet further ahead of the clock than this many ticks re-anchors its stream.</summary>
    public const int AheadTicks = 25;

    /// <summary>A packet further behind the clock than this many ticks re-anchors its stream.</summary>
    public const int BehindTicks = 10;

    /// <summary>
    /// Packets in a row whose lead over the clock exceeds <see cref="ArrivalFrames.PlayoutTicks"/> by more than
    /// <see cref="ExcessLeadTicks"/> before the stream is anchored again at the usual lead (1 s): after a delay spike the
    /// late packets come in a burst and would otherwise keep this channel behind the other for the rest of the call.
    /// </summary>
    public const int ExcessLeadPackets = 50;

    /// <summary>Lead over the usual one tolerated (jitter) before <see cref="ExcessLeadPackets"/> start counting.</summary>
    public const int ExcessLeadTicks = 2;

    private const int MaxPayload = 16 * ArrivalFrames.FrameBytes; // 320 ms: longer is not audio a phone sends

    private readonly ArrivalFrames _frames;
    private readonly int _party;
    private readonly G711Codec _law;
    private readonly TickSequence _ticks;
    private bool _anchored;
    private uint _ssrc;
    private uint _anchorTimestamp;
    private long _anchorPosition;
    private long _newestEnd;
    private int _excessLead;
    private long _anchors;
    private long _invalidPayloads;

    internal ArrivalFeed(ArrivalFrames frames, int party, G711Codec law, TickSequence ticks)
    {
        _frames = frames;
        _party = party;
        _law = law;
        _ticks = ticks;
    }

    /// <summary>The recording this feeds.</summary>
    public ArrivalFrames Frames => _frames;

    /// <summary>Times the stream was anchored (the first packet, then each re-anchoring).</summary>
    public long Anchors => Volatile.Read(ref _anchors);

    /// <summary>Empty or over-long payloads, ignored.</summary>
    public long InvalidPayloads => Volatile.Read(ref _invalidPayloads);

    /// <summary>
    /// One received RTP packet. Audio in another codec asks the recording to leave this mode (it cannot store it); a
    /// packet that is not audio (<paramref name="codec"/> null: telephone events, comfort noise) is not recorded.
    /// </summary>
    public void Write(AudioCodec? codec, uint ssrc, uint timestamp, ReadOnlySpan<byte> payload)
    {
        if (!ReferenceEquals(codec, _law))
        {
            if (codec is not null)
            {
                _frames.RequestLeave();
            }

            return;
        }

        if (payload.IsEmpty || payload.Length > MaxPayload)
        {
            Volatile.Write(ref _invalidPayloads, _invalidPayloads + 1);
            return;
        }

        var current = _ticks.Current;
        if (!_anchored || ssrc != _ssrc)
        {
            Anchor(current, ssrc, timestamp);
        }

        var position = Position(timestamp);
        var tick = ArrivalFrames.TickOf(position);
        var newest = position + payload.Length > _newestEnd;
        // Far behind re-anchors only a stream that moved back (the newest packet, or one a ring behind the newest):
        // a single old packet arriving late is just late.
        var movedBack = newest || position + ((long)_frames.Capacity * ArrivalFrames.FrameBytes) < _newestEnd;
        if (tick > current + AheadTicks || (movedBack && tick < current - BehindTicks) || (newest && tick <= _frames.Claimed))
        {
            Anchor(current, ssrc, timestamp);
            position = Position(timestamp);
        }

        if (newest && tick > current + ArrivalFrames.PlayoutTicks + ExcessLeadTicks)
        {
            if (++_excessLead >= ExcessLeadPackets)
            {
                // The excess (audio filed ahead, not yet written) is given up once, as a jitter buffer shrinking would.
                Anchor(current, ssrc, timestamp);
                position = Position(timestamp);
            }
        }
        else if (newest)
        {
            _excessLead = 0;
        }

        _newestEnd = Math.Max(_newestEnd, position + payload.Length);
        _frames.Store(_party, position, payload);
    }

    // The signed distance keeps a packet reordered before the anchor in its place; a 32-bit distance spans 74 hours at 8 kHz.
    private long Position(uint timestamp) => _anchorPosition + (int)(timestamp - _anchorTimestamp);

    private void Anchor(long current, uint ssrc, uint timestamp)
    {
        var position = (current + ArrivalFrames.PlayoutTicks) * ArrivalFrames.FrameBytes;
        if (_anchored && position < _newestEnd)
        {
            // The old timeline filed frames past the new anchor: they are not this stream's audio any more.
            _frames.Forget(_party, ArrivalFrames.TickOf(position), ArrivalFrames.TickOf(_newestEnd - 1));
        }

        _anchored = true;
        _ssrc = ssrc;
        _anchorTimestamp = timestamp;
        _anchorPosition = position;
        _newestEnd = _anchorPosition;
        _excessLead = 0;
        Volatile.Write(ref _anchors, _anchors + 1);
    }
}
