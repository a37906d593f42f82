using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

public sealed partial class RtpEndpoint
{
    private const int MaxFrameSamples = 16000 * AudioFormat.FrameMilliseconds / 1000;
    private const int MaxPacketPayload = 1400;

    // Scratch frames are per thread (a tick uses them and is done), not per endpoint: a call leg that only relays never
    // plays, and thousands of legs need not carry 2 KB each. The packet being built spans ticks, so it stays ours, made
    // on the first frame we send.
    [ThreadStatic] private static short[]? t_sourceFrame;
    [ThreadStatic] private static short[]? t_codecFrame;
    private byte[]? _localPayload;
    private readonly uint _localSsrc;
    private ushort _localSequence;
    private uint _localClock;
    private uint _packetTimestamp;
    private int _framesInPacket;
    private int _bytesInPacket;
    private bool _talkSpurtStart = true;
    private IAudioEncoder? _encoder;
    private IAudioResampler? _resampler;

    /// <summary>
    /// The media clock's 20 ms work: end digits whose end packets were lost, report inactivity, send RTCP when due, send
    /// queued DTMF, and send one frame of the playing source. Short, never blocks, allocates nothing in steady state.
    /// </summary>
    public void OnTick(long tick) => OnTick(tick, _time.GetTimestamp());

    /// <summary>
    /// <see cref="OnTick(long)"/> with the tick's time read once by the engine for all its legs (with a thousand legs,
    /// three clock reads per leg were an eighth of the media clock's time). Locks only what has work this tick.
    /// </summary>
    internal void OnTick(long tick, long now)
    {
        var media = _media;
        if (media is null || IsDisposed)
        {
            return;
        }

        var dtmfEnded = false;
        if (_dtmfIn.HasDigitInProgress)
        {
            lock (_receiveGate)
            {
                dtmfEnded = _dtmfIn.Poll();
            }
        }

        if (dtmfEnded)
        {
            DrainTelephoneEvents();
        }

        if (_inactivity.CheckTimedOut(now))
        {
            _listener?.OnMediaTimeout(this, _inactivity.IdleTime);
        }

        if (_rtcpScheduler.TryConsumeDue(now))
        {
            // The report's NTP time is its send time, not the tick's: the peer's round-trip figure depends on it.
            SendReport(media, _time.GetTimestamp());
        }

        var frameTicks = media.SendCodec?.RtpTicksPerFrame ?? DefaultTicksPerFrame;
        if (!SendQueuedDigits(media, now))
        {
            SendPlayingFrame(media, now);
        }

        _localClock += (uint)frameTicks;
    }

    // True while a digit owns the stream this tick.
    private bool SendQueuedDigits(EndpointMedia media, long now)
    {
        if (media.SendTelephoneEvent < 0 || _dtmfOut.IsIdle)
        {
            // Read without the send lock: a digit queued meanwhile starts on the next tick.
            return false;
        }

        Span<byte> payload = stackalloc byte[TelephoneEventPayload.Length];
        while (true)
        {
            TelephoneEventPacket digit;
            lock (_sendGate)
            {
                if (_dtmfOut.IsIdle || !_dtmfOut.TryGetNextPacket(_localClock, out digit))
                {
                    return _dtmfOut.IsSendingDigit;
                }
            }

            digit.Payload.TryWrite(payload);
            var header = new RtpHeader((byte)media.SendTelephoneEvent, _localSequence++, digit.Timestamp, _localSsrc, digit.Marker);
            if (media.CanSend)
            {
                SendLocal(media, header, payload, now);
            }

            _talkSpurtStart = true;
        }
    }

    private void SendPlayingFrame(EndpointMedia media, long now)
    {
        var digit = _inBandDigit;
        if (digit is { IsFinished: true })
        {
            _inBandDigit = digit = null;
        }

        IAudioSource? source = digit ?? _outgoingAudio ?? _bridgeAudio;
        var codec = media.SendCodec;
        if (source is null || codec is null || !media.CanSend)
        {
            _framesInPacket = 0;
            _bytesInPacket = 0;
            _talkSpurtStart = true;
            return;
        }

        var sourceSamples = source.Format.SamplesPerFrame;
        var sourceFrame = t_sourceFrame ??= new short[MaxFrameSamples];
        if (sourceSamples > sourceFrame.Length || !source.ReadFrame(sourceFrame.AsSpan(0, sourceSamples)))
        {
            FlushPacket(media, codec, now);
            _talkSpurtStart = true;
            return;
        }

        ReadOnlySpan<short> pcm = sourceFrame.AsSpan(0, sourceSamples);
        if (source.Format.SampleRate != codec.SampleRate)
        {
            if (_resampler is null || _resampler.InputRate != source.Format.SampleRate || _resampler.OutputRate != codec.SampleRate)
            {
                _resampler = AudioResampler.Create(source.Format.SampleRate, codec.SampleRate);
            }

            var codecFrame = t_codecFrame ??= new short[MaxFrameSamples * 2];
            pcm = codecFrame.AsSpan(0, Math.Max(0, _resampler.Process(pcm, codecFrame)));
        }

        if (_encoder is null || !ReferenceEquals(_encoder.Codec, codec))
        {
            _encoder = codec.CreateEncoder();
            _framesInPacket = 0;
            _bytesInPacket = 0;
        }

        if (_framesInPacket == 0)
        {
            _packetTimestamp = _localClock;
        }

        _localPayload ??= new byte[MaxPacketPayload];
        var written = _encoder.Encode(pcm, _localPayload.AsSpan(_bytesInPacket));
        if (written < 0)
        {
            Interlocked.Increment(ref _sendDropped);
            return;
        }

        _bytesInPacket += written;
        if (++_framesInPacket >= media.FramesPerPacket)
        {
            FlushPacket(media, codec, now);
        }
    }

    private void FlushPacket(EndpointMedia media, AudioCodec codec, long now)
    {
        if (_framesInPacket == 0 || _localPayload is null)
        {
            return;
        }

        var header = new RtpHeader(media.SendPayloadType, _localSequence++, _packetTimestamp, _localSsrc, _talkSpurtStart);
        SendLocal(media, header, _localPayload.AsSpan(0, _bytesInPacket), now);
        _talkSpurtStart = false;
        _framesInPacket = 0;
        _bytesInPacket = 0;
    }
}
