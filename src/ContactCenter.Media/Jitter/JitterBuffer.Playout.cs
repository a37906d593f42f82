namespace ContactCenter.Media.Jitter;

public sealed partial class JitterBuffer
{
    private bool _hasStream;
    private uint _ssrc;
    private long _highest;
    private long _highestTimestamp;
    private long _nextPlay;
    private int _buffered;
    private bool _playing;
    private bool _started;
    private int _prebufferReads;
    private int _held;
    private int _excessReads;
    private long _farBehind = long.MinValue;
    private int _encodedSlot; // the slot of the last frame played undecoded (ReadEncodedFrame)
    private bool _lastEncodedUnremembered; // ... and the concealer has not been given it yet

    // Decodes the next frame into `frame`; with `undecoded` (a stateless codec) a frame that arrived is left in its slot
    // instead (JitterFrame.Encoded, _encodedSlot), and only concealment is decoded.
    private JitterFrame NextFrame(Span<short> frame, bool undecoded = false)
    {
        if (!_hasStream || (!_playing && !TryStartPlaying()))
        {
            frame.Clear();
            return JitterFrame.Silent;
        }

        TrimExcessDepth();
        while (true)
        {
            int slot = (int)(_nextPlay & _mask);
            if (_slotSequence[slot] == _nextPlay)
            {
                _slotSequence[slot] = -1;
                _buffered--;
                _nextPlay++;
                _held = 0;
                ReadOnlySpan<byte> payload = _slotPayload.AsSpan(slot * _frameBytes, _slotLength[slot]);
                if (undecoded && payload.Length == _frameBytes)
                {
                    // Nothing is copied: the reader takes the bytes from the slot, and the concealer is given this frame
                    // only if a loss follows (decoded from the slot then; the codec keeps no state).
                    _encodedSlot = slot;
                    _lastEncodedUnremembered = true;
                    Count(ref _played);
                    return JitterFrame.Encoded;
                }

                int samples = _decoder.Decode(payload, frame);
                if (samples != frame.Length)
                {
                    Count(ref _invalid);
                    return Conceal(frame);
                }

                _concealer.Remember(frame);
                _lastEncodedUnremembered = false;
                Count(ref _played);
                return JitterFrame.Decoded;
            }

            if (_buffered > 0)
            {
                if (_held > 0)
                {
                    // A concealment frame already stood in for this one while we waited for it.
                    _held--;
                    _nextPlay++;
                    continue;
                }

                long span = _highest - _nextPlay + 1;
                if (span > _targetFrames)
                {
                    // Lost. Concealing it keeps the sender's timeline; but when more than the target lies beyond the
                    // gap (packets refused in a burst, a loss while the buffer is deep), walking the gap in real time
                    // would only add delay that the trimming then takes out of the audio: skip it.
                    long next = NextBuffered();
                    if (span - (next - _nextPlay) > _targetFrames)
                    {
                        _nextPlay = next;
                        continue;
                    }

                    _nextPlay++;
                    return Conceal(frame);
                }
            }

            // Nothing later is here yet (or the depth allows waiting for a reordered packet): hold the position.
            _held++;
            if (_buffered == 0 && _held > _stallFrames)
            {
                _playing = false;
                _prebufferReads = 0;
                _held = 0;
            }

            return Conceal(frame);
        }
    }

    private bool TryStartPlaying()
    {
        if (_buffered == 0)
        {
            return false;
        }

        _prebufferReads++;
        if (_highest - _nextPlay + 1 < _targetFrames && _prebufferReads < _targetFrames)
        {
            return false;
        }

        // Frames missing before the first one that arrived are not losses worth concealing at a talkspurt's start.
        while (_slotSequence[(int)(_nextPlay & _mask)] != _nextPlay)
        {
            _nextPlay++;
        }

        _playing = true;
        _started = true;
        _held = 0;
        _excessReads = 0;
        return true;
    }

    // The first buffered frame after the next one to play (the caller knows one is buffered).
    private long NextBuffered()
    {
        long sequence = _nextPlay + 1;
        while (_slotSequence[(int)(sequence & _mask)] != sequence)
        {
            sequence++;
        }

        return sequence;
    }

    private void TrimExcessDepth()
    {
        if (_highest - _nextPlay + 1 <= _targetFrames + 1)
        {
            _excessReads = 0;
            return;
        }

        if (++_excessReads < TrimAfterReads)
        {
            return;
        }

        _excessReads = 0;
        int slot = (int)(_nextPlay & _mask);
        if (_slotSequence[slot] == _nextPlay)
        {
            _slotSequence[slot] = -1;
            _buffered--;
            Count(ref _dropped);
        }

        _nextPlay++;
    }

    private JitterFrame Conceal(Span<short> frame)
    {
        Count(ref _concealed);
        if (_lastEncodedUnremembered)
        {
            _lastEncodedUnremembered = false;
            if (_decoder.Decode(_slotPayload.AsSpan(_encodedSlot * _frameBytes, _frameBytes), frame) == frame.Length)
            {
                _concealer.Remember(frame);
            }
        }

        return _concealer.Conceal(frame) ? JitterFrame.Decoded : JitterFrame.Silent;
    }
}
