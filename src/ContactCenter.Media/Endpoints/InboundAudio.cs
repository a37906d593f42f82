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
/// 30 ms). Payloads are therefore cut at 20 ms boundaries of the RTP timeline: a frame's place is
/// <c>(timestamp − first timestamp of the SSRC) / ticks per frame</c>, so a 20/40/60 ms packet becomes 1/2/3 frames
/// that can still be reordered, and a packet that ends mid-frame is completed by the next contiguous one. A partial
/// frame whose other part never comes (loss, reordering of odd-sized packets) is dropped and counted; the jitter buffer
/// conceals it. The frame index wraps with the 32-bit timestamp (every 6 days at 8 kHz), which the buffer treats as a
/// resync. When the first packet of a stream is longer than one frame, the buffer's minimum depth is raised to that
/// packet's length plus a frame, so bursty completion of frames never reads as lateness.
/// </para>
/// <para>
/// Threads: <see cref="Write"/> on one receive loop, <see cref="ReadFrame"/> on the media clock. A codec change builds a
/// new jitter buffer (the only allocation after construction) and publishes it; frames still in the old one are lost.
/// </para>
/// </remarks>
public sealed class InboundAudio : IAudioSource
{
    private const int MaxFrameSamples = 16000 * AudioFormat.FrameMilliseconds / 1000;

    private readonly JitterBufferOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[] _assembly = new byte[L16Codec.Wideband.BytesPerFrame];
    private readonly short[] _decoded = new short[MaxFrameSamples];
    private readonly short[] _resampled = new short[MaxFrameSamples * 2];

    // Receive-loop state.
    private volatile JitterBuffer? _buffer;
    private bool _hasStream;
    private uint _ssrc;
    private uint _baseTimestamp;
    private long _assemblingFrame = -1;
    private int _assemblyFill;
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

    /// <summary>Parts of frames dropped because the rest of the frame never arrived contiguously.</summary>
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

        if (!_hasStream || ssrc != _ssrc)
        {
            _hasStream = true;
            _ssrc = ssrc;
            _baseTimestamp = timestamp;
            _assemblingFrame = -1;
        }

        var ticksPerFrame = (uint)codec.RtpTicksPerFrame;
        var frameBytes = codec.BytesPerFrame;
        var bytesPerTick = frameBytes / (int)ticksPerFrame;
        if (payload.Length % bytesPerTick != 0)
        {
            Volatile.Write(ref _invalidPayloads, _invalidPayloads + 1);
            return;
        }

        var position = timestamp - _baseTimestamp;
        while (!payload.IsEmpty)
        {
            long frame = position / ticksPerFrame;
            var offset = (int)(position % ticksPerFrame);
            var ticks = Math.Min((int)ticksPerFrame - offset, payload.Length / bytesPerTick);
            var bytes = ticks * bytesPerTick;
            if (offset == 0 && bytes == frameBytes)
            {
                Push(buffer, frame, ticksPerFrame, payload[..frameBytes], arrivalTimestamp);
            }
            else
            {
                Assemble(buffer, frame, offset * bytesPerTick, ticksPerFrame, frameBytes, payload[..bytes], arrivalTimestamp);
            }

            payload = payload[bytes..];
            position += (uint)ticks;
        }
    }

    /// <summary>Clock side, once per tick: the next frame; false (frame zeroed) while nothing audible is due.</summary>
    public bool ReadFrame(Span<short> frame)
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
            return buffer.ReadFrame(frame);
        }

        var decoded = _decoded.AsSpan(0, buffer.Format.SamplesPerFrame);
        var audible = buffer.ReadFrame(decoded);

        // The resampler runs on silence too, so its filter history stays continuous across a gap.
        var produced = Math.Max(0, _resampler.Process(decoded, _resampled));
        var take = Math.Min(produced, samples);
        _resampled.AsSpan(0, take).CopyTo(frame);
        frame[take..].Clear();
        return audible;
    }

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

    private void Assemble(JitterBuffer buffer, long frame, int byteOffset, uint ticksPerFrame, int frameBytes, ReadOnlySpan<byte> part, long arrival)
    {
        if (byteOffset == 0)
        {
            DropPartial();
            _assemblingFrame = frame;
            _assemblyFill = 0;
        }
        else if (frame != _assemblingFrame || byteOffset != _assemblyFill)
        {
            // The beginning of this frame was lost or is out of order: the tail alone cannot be played.
            Volatile.Write(ref _partialFramesDropped, _partialFramesDropped + 1);
            return;
        }

        part.CopyTo(_assembly.AsSpan(_assemblyFill));
        _assemblyFill += part.Length;
        if (_assemblyFill == frameBytes)
        {
            Push(buffer, frame, ticksPerFrame, _assembly.AsSpan(0, frameBytes), arrival);
            _assemblingFrame = -1;
            _assemblyFill = 0;
        }
    }

    private void DropPartial()
    {
        if (_assemblingFrame >= 0)
        {
            Volatile.Write(ref _partialFramesDropped, _partialFramesDropped + 1);
            _assemblingFrame = -1;
        }
    }

    private void Push(JitterBuffer buffer, long frame, uint ticksPerFrame, ReadOnlySpan<byte> payload, long arrival) =>
        buffer.Push(_ssrc, (ushort)frame, _baseTimestamp + (uint)frame * ticksPerFrame, payload, arrival);
}
