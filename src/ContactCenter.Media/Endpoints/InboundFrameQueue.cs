using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Decoded inbound audio handed from an endpoint's receive loop (one writer) to the media clock (one reader) as 20 ms
/// frames in a fixed <see cref="Format"/>: the payload is decoded with a decoder kept per stream, resampled when the
/// codec's rate differs, and cut into frames in a lock-free ring. When the ring is full the newest frame is dropped and
/// counted, so memory and delay stay bounded.
/// </summary>
/// <remarks>
/// INTERIM: this is arrival-order decoding with no reordering, loss concealment or playout adaptation. It stands in for
/// the adaptive jitter buffer (<c>Jitter/</c>, built in parallel) on the decode paths (transcoding bridge, recording and
/// mixer taps) until that lands; the consumers only see <see cref="IAudioSource"/>, so the swap is local to
/// <see cref="RtpEndpoint"/>'s decode hook. Nothing allocates after construction except when the codec changes.
/// </remarks>
public sealed class InboundFrameQueue : IAudioSource
{
    private const int MaxDecodedSamples = 16000 * 120 / 1000;

    private readonly short[] _frames;
    private readonly int _capacity;
    private readonly int _frameSamples;
    private readonly short[] _decoded = new short[MaxDecodedSamples];
    private readonly short[] _resampled = new short[MaxDecodedSamples * 2];
    private readonly short[] _pending;
    private int _pendingCount;
    private IAudioDecoder? _decoder;
    private IAudioResampler? _resampler;
    private long _written;
    private long _read;

    /// <summary>Creates a queue delivering <paramref name="format"/> frames, holding at most <paramref name="capacityFrames"/>.</summary>
    public InboundFrameQueue(AudioFormat format, int capacityFrames = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityFrames, 2);
        Format = format;
        _capacity = capacityFrames;
        _frameSamples = format.SamplesPerFrame;
        _frames = new short[capacityFrames * _frameSamples];
        _pending = new short[_frameSamples];
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>Frames dropped because the reader fell behind.</summary>
    public long DroppedFrames { get; private set; }

    /// <summary>Payloads the decoder refused (odd length and the like).</summary>
    public long UndecodablePayloads { get; private set; }

    /// <summary>Frames waiting to be read.</summary>
    public int Count => (int)(Volatile.Read(ref _written) - Volatile.Read(ref _read));

    /// <summary>Writer side (receive loop): decodes <paramref name="payload"/> of <paramref name="codec"/> and queues whole frames.</summary>
    public void Write(AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        if (_decoder is null || !ReferenceEquals(_decoder.Codec, codec))
        {
            _decoder = codec.CreateDecoder();
            _resampler = codec.SampleRate == Format.SampleRate ? null : AudioResampler.Create(codec.SampleRate, Format.SampleRate);
            _pendingCount = 0;
        }

        if (codec.GetDecodedLength(payload.Length) > _decoded.Length)
        {
            UndecodablePayloads++;
            return;
        }

        var samples = _decoder.Decode(payload, _decoded);
        if (samples < 0)
        {
            UndecodablePayloads++;
            return;
        }

        ReadOnlySpan<short> pcm = _decoded.AsSpan(0, samples);
        if (_resampler is not null)
        {
            var produced = _resampler.Process(pcm, _resampled);
            pcm = _resampled.AsSpan(0, Math.Max(0, produced));
        }

        while (!pcm.IsEmpty)
        {
            var take = Math.Min(_frameSamples - _pendingCount, pcm.Length);
            pcm[..take].CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += take;
            pcm = pcm[take..];
            if (_pendingCount == _frameSamples)
            {
                Publish();
                _pendingCount = 0;
            }
        }
    }

    /// <summary>Reader side (media clock): the oldest queued frame; false when none arrived.</summary>
    public bool ReadFrame(Span<short> frame)
    {
        var read = _read;
        if (Volatile.Read(ref _written) == read)
        {
            return false;
        }

        _frames.AsSpan((int)(read % _capacity) * _frameSamples, _frameSamples).CopyTo(frame);
        Volatile.Write(ref _read, read + 1);
        return true;
    }

    private void Publish()
    {
        var written = _written;
        if (written - Volatile.Read(ref _read) >= _capacity)
        {
            DroppedFrames++;
            return;
        }

        _pending.CopyTo(_frames.AsSpan((int)(written % _capacity) * _frameSamples, _frameSamples));
        Volatile.Write(ref _written, written + 1);
    }
}
