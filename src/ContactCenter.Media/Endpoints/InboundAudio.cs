using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Decoded inbound audio for everything that decodes a leg's stream (recording tap, mixer input, transcoding bridge):
/// RTP payloads in on the receive loop, one 20 ms frame in a fixed <see cref="Format"/> out per media-clock tick,
/// through an adaptive <see cref="JitterBuffer"/> (reordering, loss concealment, playout adaptation).
/// </summary>
/// <remarks>
/// <para>
/// The jitter buffer takes exactly one 20 ms frame per push, while peers send any packet time (sipp's g711a.pcap is
/// 30 ms). Payloads are therefore cut at 20 ms boundaries of the RTP timeline: a frame's place is its distance from the
/// SSRC's first timestamp in frames, so a 20/40/60 ms packet becomes 1/2/3 frames that can still be reordered, and a
/// frame split over packets (10 ms packets, the half frame a 30 ms packet leaves) is completed by a
/// <see cref="PartialFrameAssembler"/> from its parts in any order, duplicates included. A partial frame whose other
/// part never comes is dropped and counted; the jitter buffer conceals it. The distance is signed, so a packet
/// reordered before the stream's first one keeps its place, and its base follows the stream across the 32-bit
/// timestamp wrap. When the first packet of a stream is longer than one frame, the buffer's minimum depth is raised to
/// that packet's length plus a frame, so bursty completion of frames never reads as lateness.
/// </para>
/// <para>
/// Threads: <see cref="Write"/> on one receive loop, <see cref="ReadFrame"/> on the media clock. A codec change builds a
/// new jitter buffer (the only allocation after construction) and publishes it; frames still in the old one are lost.
/// </para>
/// </remarks>
public sealed class InboundAudio : IAudioSource
{
    private const int MaxFrameSamples = 16000 * AudioFormat.FrameMilliseconds / 1000;
    private const int MaxFrameTicks = 16000 * AudioFormat.FrameMilliseconds / 1000; // L16/16000 has the fastest RTP clock
    private const int RebaseTicks = 1 << 30;

    private readonly JitterBufferOptions _options;
    private readonly TimeProvider _time;
    private readonly PartialFrameAssembler _assembler = new(MaxFrameTicks, L16Codec.Wideband.BytesPerFrame);
    private readonly short[] _decoded = new short[MaxFrameSamples];
    private readonly short[] _resampled = new short[MaxFrameSamples * 2];

    // Receive-loop state.
    private volatile JitterBuffer? _buffer;
    private bool _hasStream;
    private uint _ssrc;
    private uint _baseTimestamp;
    private long _baseFrame;
    private long _partialFramesDropped;
    private long _invalidPayloads;

    // Clock-thread state.
    private JitterBuffer? _readerBuffer;
    private IAudioResampler? _resampler;

    /// <summary>Creates an empty decode path delivering <paramref name="format"/> frames.</summary>
    public InboundAudio(AudioFormat format, JitterBufferOptions? options = null, TimeProvider? timeProvider = null)
    {
        Format = format;
        _options = options ?? new JitterBufferOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>The jitter buffer of the codec received now, or null before the first audio packet.</summary>
    public JitterBuffer? Buffer => _buffer;

    /// <summary>The current buffer's statistics (zeros before the first packet).</summary>
    public JitterBufferStatistics Statistics => _buffer?.Statistics ?? default;

    /// <summary>Frames that arrived only in part: the rest did not come while a few later frames were being assembled.</summary>
    public long PartialFramesDropped => Volatile.Read(ref _partialFramesDropped);

    /// <summary>Payloads that are not a whole number of samples for their codec.</summary>
    public long InvalidPayloads => Volatile.Read(ref _invalidPayloads);

    /// <summary>Receive side: cuts one packet's payload into 20 ms frames and queues them. Never throws or allocates (except on a codec change).</summary>
    public void Write(AudioCodec codec, uint ssrc, uint timestamp, ReadOnlySpan<byte> payload, long arrivalTimestamp)
    {
        var buffer = _buffer;
        if (buffer is null || !ReferenceEquals(buffer.Codec, codec))
        {
            buffer = new JitterBuffer(codec.CreateDecoder(), OptionsFor(codec, payload.Length), _time);
            _buffer = buffer;
            _hasStream = false;
        }

        var ticksPerFrame = codec.RtpTicksPerFrame;
        var frameBytes = codec.BytesPerFrame;
        var bytesPerTick = frameBytes / ticksPerFrame;
        if (payload.Length % bytesPerTick != 0 || ticksPerFrame > MaxFrameTicks || frameBytes > _assembler.MaxFrameBytes)
        {
            Volatile.Write(ref _invalidPayloads, _invalidPayloads + 1);
            return;
        }

        if (!_hasStream || ssrc != _ssrc)
        {
            _hasStream = true;
            _ssrc = ssrc;
            _baseTimestamp = timestamp;
            _baseFrame = 0;
            _assembler.Clear();
        }

        // Signed distance from the base, so a packet reordered before the stream's first one lands just before it
        // rather than 2^32 ticks later; the base follows the stream so the distance never nears the 32-bit wrap.
        var distance = (int)(timestamp - _baseTimestamp);
        if (distance >= RebaseTicks)
        {
            var frames = distance / ticksPerFrame;
            _baseTimestamp += (uint)(frames * ticksPerFrame);
            _baseFrame += frames;
            distance -= frames * ticksPerFrame;
        }

        long frame = _baseFrame + Math.DivRem(distance, ticksPerFrame, out var offset);
        if (offset < 0)
        {
            frame--;
            offset += ticksPerFrame;
        }

        while (!payload.IsEmpty)
        {
            var ticks = Math.Min(ticksPerFrame - offset, payload.Length / bytesPerTick);
            var bytes = ticks * bytesPerTick;
            if (ticks == ticksPerFrame)
            {
                _assembler.Discard(frame);
                Push(buffer, frame, ticksPerFrame, payload[..frameBytes], arrivalTimestamp);
            }
            else
            {
                var completed = _assembler.Add(frame, offset, ticks, ticksPerFrame, bytesPerTick, payload[..bytes]);
                Volatile.Write(ref _partialFramesDropped, _assembler.Dropped);
                if (!completed.IsEmpty)
                {
                    Push(buffer, frame, ticksPerFrame, completed, arrivalTimestamp);
                }
            }

            payload = payload[bytes..];
            frame++;
            offset = 0;
        }
    }

    /// <summary>Clock side, once per tick: the next frame; false (frame zeroed) while nothing audible is due.</summary>
    public bool ReadFrame(Span<short> frame) => ReadFrame(frame, long.MaxValue);

    /// <summary><see cref="ReadFrame(Span{short})"/> as at an earlier tick: packets that arrived at or after <paramref name="arrivalCutoff"/> wait for a later read.</summary>
    internal bool ReadFrame(Span<short> frame, long arrivalCutoff)
    {
        var samples = Format.SamplesPerFrame;
        if (frame.Length < samples)
        {
            return false;
        }

        frame = frame[..samples];
        var buffer = _buffer;
        if (buffer is null)
        {
            frame.Clear();
            return false;
        }

        if (!ReferenceEquals(buffer, _readerBuffer))
        {
            _readerBuffer = buffer;
            _resampler = buffer.Format.SampleRate == Format.SampleRate ? null : AudioResampler.Create(buffer.Format.SampleRate, Format.SampleRate);
        }

        if (_resampler is null)
        {
            return buffer.ReadFrame(frame, arrivalCutoff);
        }

        var decoded = _decoded.AsSpan(0, buffer.Format.SamplesPerFrame);
        var audible = buffer.ReadFrame(decoded, arrivalCutoff);

        // The resampler runs on silence too, so its filter history stays continuous across a gap.
        var produced = Math.Max(0, _resampler.Process(decoded, _resampled));
        var take = Math.Min(produced, samples);
        _resampled.AsSpan(0, take).CopyTo(frame);
        frame[take..].Clear();
        return audible;
    }

    /// <summary>
    /// Clock side, once per tick, for a consumer that stores G.711 as it came (a recording): while the stream is G.711 at
    /// this path's rate, a frame that arrived is left undecoded (<see cref="JitterFrame.Encoded"/>: its bytes are
    /// <see cref="EncodedFrame"/>, <paramref name="codec"/> says which law); anything else is decoded into
    /// <paramref name="frame"/> as by <see cref="ReadFrame"/> (<see cref="JitterFrame.Decoded"/> or <see cref="JitterFrame.Silent"/>).
    /// </summary>
    internal JitterFrame ReadEncodedFrame(Span<short> frame, out G711Codec? codec) => ReadEncodedFrame(frame, long.MaxValue, out codec);

    /// <summary><see cref="ReadEncodedFrame(Span{short}, out G711Codec?)"/> as at an earlier tick (see <see cref="ReadFrame(Span{short}, long)"/>).</summary>
    internal JitterFrame ReadEncodedFrame(Span<short> frame, long arrivalCutoff, out G711Codec? codec)
    {
        codec = null;
        var buffer = _buffer;
        if (buffer?.Codec is G711Codec g711 && Format.SampleRate == g711.SampleRate && frame.Length >= Format.SamplesPerFrame)
        {
            _readerBuffer = buffer;
            _resampler = null;
            var result = buffer.ReadEncodedFrame(frame[..Format.SamplesPerFrame], arrivalCutoff);
            if (result == JitterFrame.Encoded)
            {
                codec = g711;
            }

            return result;
        }

        return ReadFrame(frame, arrivalCutoff) ? JitterFrame.Decoded : JitterFrame.Silent;
    }

    /// <summary>The bytes of the frame the last <see cref="ReadEncodedFrame"/> left undecoded (valid until the next read).</summary>
    internal ReadOnlySpan<byte> EncodedFrame => _readerBuffer is { } buffer ? buffer.EncodedFrame : default;

    // A packet longer than a frame delivers its frames in bursts (a 30 ms sender completes two frames, then none): the
    // buffer must hold at least one packet's worth plus a frame, or it plays concealment and then trims real frames.
    private JitterBufferOptions OptionsFor(AudioCodec codec, int payloadLength)
    {
        var packetTicks = payloadLength * codec.RtpTicksPerFrame / Math.Max(1, codec.BytesPerFrame);
        var packetFrames = (packetTicks + codec.RtpTicksPerFrame - 1) / codec.RtpTicksPerFrame;
        var needed = TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds * (packetFrames + 1));
        if (packetFrames <= 1 || needed <= _options.MinDepth)
        {
            return _options;
        }

        var minimum = needed < _options.MaxDepth ? needed : _options.MaxDepth;
        return _options with { MinDepth = minimum };
    }

    // The frame's place is its index: the buffer's sequence number, and a timestamp consistent with it.
    private void Push(JitterBuffer buffer, long frame, int ticksPerFrame, ReadOnlySpan<byte> payload, long arrival) =>
        buffer.Push(_ssrc, (ushort)frame, _baseTimestamp + (uint)((frame - _baseFrame) * ticksPerFrame), payload, arrival);
}
