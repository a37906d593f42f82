using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Jitter;

/// <summary>
/// An adaptive jitter buffer for a stream that is decoded (mixing, recording, transcoding): RTP packets in,
/// one 20 ms PCM frame out per media-clock tick.
/// </summary>
/// <remarks>
/// <para>
/// Threads: one receive thread calls <see cref="Push"/>, one reader (the media clock) calls <see cref="ReadFrame"/>.
/// They meet in a lock-free single-producer/single-consumer inbox; ordering, duplicates, loss and adaptation are
/// all handled on the reading side. Statistics may be read from anywhere.
/// </para>
/// <para>
/// Memory is fixed at construction: a ring of <see cref="JitterBufferOptions.SlotCount"/> slots of one frame's
/// payload each, the inbox, and two frames of PCM. Nothing is allocated per packet or per frame, and bad input is
/// counted, never thrown.
/// </para>
/// <para>
/// Every packet must carry exactly one 20 ms frame of the codec; the frame's place is its extended sequence number
/// (RFC 3550 wrap-around). A missing frame with later ones buffered is a loss, concealed by a fading repeat; but when
/// more than the target depth is buffered beyond the gap (the middle of a burst was refused, a loss while the buffer is
/// deep) the gap is skipped at once instead. A missing frame with nothing after it means the sender is late: the buffer
/// keeps its position (playing the concealment) so the packet still plays when it comes, which also deepens the
/// buffer after a stall. Depth above the target for a while is trimmed one frame at a time.
/// </para>
/// </remarks>
public sealed partial class JitterBuffer : IAudioSource
{
    private const int TrimAfterReads = 10;

    private readonly IAudioDecoder _decoder;
    private readonly AudioCodec _codec;
    private readonly JitterBufferOptions _options;
    private PacketInbox _inbox; // a mutable struct: used in place, never copied
    private readonly JitterDepthEstimator _depth;
    private readonly LossConcealer _concealer;
    private readonly int _mask;
    private readonly int _frameBytes;
    private readonly int _stallFrames;
    private readonly long[] _slotSequence;
    private readonly int[] _slotLength;
    private readonly byte[] _slotPayload;

    private JitterReceiveCounters _receiveCounters;
    private long _invalid;
    private long _played;
    private long _late;
    private long _duplicates;
    private long _concealed;
    private long _dropped;
    private long _resyncs;
    private long _ssrcChanges;
    private long _timestampJumps;
    private long _currentDepthFrames;
    private int _targetFrames;

    /// <summary>Creates a buffer that decodes with <paramref name="decoder"/> (one per stream: it keeps its state).</summary>
    /// <param name="decoder">The stream's decoder; the output format is its codec's sample rate.</param>
    /// <param name="options">Depths and sizes; defaults to 20–200 ms and 32 slots.</param>
    /// <param name="timeProvider">The clock that produced the arrival timestamps given to <see cref="Push"/>.</param>
    public JitterBuffer(IAudioDecoder decoder, JitterBufferOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        _options = options ?? new JitterBufferOptions();
        _options.Validate();
        _decoder = decoder;
        _codec = decoder.Codec;
        Format = new AudioFormat(_codec.SampleRate);
        _frameBytes = _codec.BytesPerFrame;
        _mask = _options.SlotCount - 1;
        _stallFrames = JitterBufferOptions.Frames(_options.StallReset);
        _slotSequence = new long[_options.SlotCount];
        _slotLength = new int[_options.SlotCount];
        _slotPayload = new byte[_options.SlotCount * _frameBytes];
        _inbox = new PacketInbox(_options.InboxCapacity, _frameBytes);
        _depth = new JitterDepthEstimator(_options.MinFrames, _options.MaxFrames, _options.ShrinkInterval, _codec.RtpClockRate, timeProvider ?? TimeProvider.System);
        _concealer = new LossConcealer(_codec.SamplesPerFrame);
        _targetFrames = _options.MinFrames;
        _slotSequence.AsSpan().Fill(-1);
    }

    /// <inheritdoc/>
    public AudioFormat Format { get; }

    /// <summary>The codec whose payloads this buffer takes.</summary>
    public AudioCodec Codec => _codec;

    public JitterBufferStatistics Statistics => new(
        Volatile.Read(ref _receiveCounters.Received),
        Volatile.Read(ref _played),
        Volatile.Read(ref _late),
        Volatile.Read(ref _duplicates),
        Volatile.Read(ref _concealed),
        Volatile.Read(ref _dropped),
        Volatile.Read(ref _invalid) + Volatile.Read(ref _receiveCounters.Invalid),
        Volatile.Read(ref _receiveCounters.InboxOverflows),
        Volatile.Read(ref _resyncs),
        Volatile.Read(ref _ssrcChanges),
        Volatile.Read(ref _timestampJumps),
        TimeSpan.FromMilliseconds(20 * Volatile.Read(ref _currentDepthFrames)),
        TimeSpan.FromMilliseconds(20 * Volatile.Read(ref _targetFrames)));

    /// <summary>
    /// Receive side: queues one RTP packet's fields for the next <see cref="ReadFrame"/>. Copies the payload, so the
    /// caller may reuse its buffer at once. Never blocks, allocates or throws.
    /// </summary>
    /// <param name="ssrc">The packet's SSRC; a new one resets the buffer and the decoder.</param>
    /// <param name="sequenceNumber">The RTP sequence number.</param>
    /// <param name="timestamp">The RTP timestamp (codec clock rate).</param>
    /// <param name="payload">Exactly one 20 ms frame of the codec (<see cref="AudioCodec.BytesPerFrame"/> bytes).</param>
    /// <param name="arrivalTimestamp">When the packet arrived, from the <see cref="TimeProvider"/> given at construction.</param>
    public JitterPushResult Push(uint ssrc, ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload, long arrivalTimestamp)
    {
        Count(ref _receiveCounters.Received);
        if (payload.Length != _frameBytes)
        {
            Count(ref _receiveCounters.Invalid);
            return JitterPushResult.InvalidPayload;
        }

        if (!_inbox.TryEnqueue(ssrc, sequenceNumber, timestamp, payload, arrivalTimestamp))
        {
            Count(ref _receiveCounters.InboxOverflows);
            return JitterPushResult.InboxFull;
        }

        return JitterPushResult.Queued;
    }

    /// <summary>
    /// Reading side, once per tick: takes the queued packets, then writes the next frame. Returns true for a decoded
    /// frame or an audible concealment frame; false (frame zeroed) while prebuffering, after the concealment fade, or
    /// when <paramref name="frame"/> is shorter than a frame.
    /// </summary>
    public bool ReadFrame(Span<short> frame) => ReadFrame(frame, long.MaxValue);

    /// <summary><see cref="ReadFrame(Span{short})"/> at an earlier tick's time (see <see cref="ReadEncodedFrame(Span{short}, long)"/>).</summary>
    internal bool ReadFrame(Span<short> frame, long arrivalCutoff)
    {
        DrainInbox(arrivalCutoff);
        if (frame.Length < _codec.SamplesPerFrame)
        {
            return false;
        }

        frame = frame[.._codec.SamplesPerFrame];
        bool audible = NextFrame(frame) != JitterFrame.Silent;
        Volatile.Write(ref _currentDepthFrames, _hasStream && _buffered > 0 ? _highest - _nextPlay + 1 : 0);
        return audible;
    }

    /// <summary>
    /// Like <see cref="ReadFrame"/> for a consumer that stores the codec's bytes (a G.711 recording): a frame that
    /// arrived is left undecoded (<see cref="JitterFrame.Encoded"/>; its bytes are <see cref="EncodedFrame"/>); a
    /// concealment frame is decoded audio in <paramref name="frame"/> (<see cref="JitterFrame.Decoded"/>); otherwise
    /// <see cref="JitterFrame.Silent"/>. A stateful codec (the decoder must see every frame) is always decoded.
    /// </summary>
    internal JitterFrame ReadEncodedFrame(Span<short> frame) => ReadEncodedFrame(frame, long.MaxValue);

    /// <summary>
    /// <see cref="ReadEncodedFrame(Span{short})"/> as it would have gone at an earlier tick: packets that arrived after
    /// <paramref name="arrivalCutoff"/> stay queued for a later read. A reader that catches up on several ticks at once
    /// (a recording reads its legs every few ticks) passes each tick's start time, so the buffer sees exactly what it
    /// would have seen read tick by tick (what arrived before that tick started): no frame counted late that was not, no depth trimmed that was only waiting.
    /// </summary>
    internal JitterFrame ReadEncodedFrame(Span<short> frame, long arrivalCutoff)
    {
        DrainInbox(arrivalCutoff);
        if (frame.Length < _codec.SamplesPerFrame)
        {
            return JitterFrame.Silent;
        }

        frame = frame[.._codec.SamplesPerFrame];
        JitterFrame result = NextFrame(frame, undecoded: _codec.IsStateless);
        Volatile.Write(ref _currentDepthFrames, _hasStream && _buffered > 0 ? _highest - _nextPlay + 1 : 0);
        return result;
    }

    /// <summary>
    /// The bytes of the frame the last <see cref="ReadEncodedFrame"/> left undecoded, in place in the ring: valid until
    /// the buffer is read again (packets reach the ring only when it is read).
    /// </summary>
    internal ReadOnlySpan<byte> EncodedFrame => _slotPayload.AsSpan(_encodedSlot * _frameBytes, _frameBytes);

    private void DrainInbox(long arrivalCutoff)
    {
        for (int slot = _inbox.Peek(); slot >= 0 && _inbox.Arrival(slot) < arrivalCutoff; slot = _inbox.Peek())
        {
            Insert(_inbox.Ssrc(slot), _inbox.Sequence(slot), _inbox.Timestamp(slot), _inbox.Payload(slot), _inbox.Arrival(slot));
            _inbox.Release();
        }

        Volatile.Write(ref _targetFrames, _depth.TargetFrames);
    }

    private void Count(ref long counter) => Volatile.Write(ref counter, counter + 1);
}
