namespace ContactCenter.Media.Jitter;

public sealed partial class JitterBuffer
{
    /// <summary>Sorts one packet into the ring. Runs on the reading side only.</summary>
    internal JitterInsertResult Insert(uint ssrc, ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload, long arrivalTimestamp)
    {
        if (!_hasStream || ssrc != _ssrc)
        {
            if (_hasStream)
            {
                Count(ref _ssrcChanges);
                _decoder.Reset();
                _concealer.Forget();
                _lastEncodedUnremembered = false;
            }

            _hasStream = true;
            _ssrc = ssrc;
            _depth.Reset();
            Restart(0x10000 + sequenceNumber, timestamp);
        }

        int sequenceDelta = (short)(ushort)(sequenceNumber - (ushort)_highest);
        long extended = _highest + sequenceDelta;
        long extendedTimestamp = _highestTimestamp + (int)(timestamp - (uint)_highestTimestamp);

        long distance = extended - _nextPlay;
        if (distance <= -_slotSequence.Length && extended != _farBehind + 1)
        {
            // Far behind: a stray very late packet, unless its successor follows (then the sender restarted).
            _farBehind = extended;
            Count(ref _late);
            return JitterInsertResult.Late;
        }

        if (distance >= _slotSequence.Length && extended - _highest < _slotSequence.Length)
        {
            // The stream continues but has run more than the ring ahead of playout (a huge burst): the oldest give way.
            DropUpTo(extended - _slotSequence.Length + 1);
        }
        else if (distance >= _slotSequence.Length || distance <= -_slotSequence.Length)
        {
            // Far outside the window: the sender restarted its numbering; follow it rather than drop it forever.
            Count(ref _resyncs);
            _depth.Rebase();
            Restart(extended, extendedTimestamp);
        }
        else
        {
            long predicted = _highestTimestamp + ((long)sequenceDelta * _codec.RtpTicksPerFrame);
            if (Math.Abs(extendedTimestamp - predicted) > _options.MaxTimestampJump.Ticks * _codec.RtpClockRate / TimeSpan.TicksPerSecond)
            {
                Count(ref _timestampJumps);
                _depth.Rebase();
            }
        }

        _depth.Observe(extendedTimestamp, arrivalTimestamp);

        if (extended < _nextPlay && _started)
        {
            Count(ref _late);
            return JitterInsertResult.Late;
        }

        int slot = (int)(extended & _mask);
        if (_slotSequence[slot] == extended)
        {
            Count(ref _duplicates);
            return JitterInsertResult.Duplicate;
        }

        if (_slotSequence[slot] >= 0)
        {
            // Only reachable while prebuffering a reordered start wider than the ring; the older frame gives way.
            _buffered--;
            Count(ref _dropped);
        }

        if (slot == _encodedSlot && _lastEncodedUnremembered)
        {
            // The last frame played undecoded is being overwritten (a jump of a whole ring ahead): conceal from silence.
            _lastEncodedUnremembered = false;
            _concealer.Forget();
        }

        _slotSequence[slot] = extended;
        _slotLength[slot] = payload.Length;
        payload.CopyTo(_slotPayload.AsSpan(slot * _frameBytes, _frameBytes));
        _buffered++;

        if (extended > _highest)
        {
            _highest = extended;
            _highestTimestamp = extendedTimestamp;
        }

        if (extended < _nextPlay)
        {
            _nextPlay = extended;
        }

        return JitterInsertResult.Buffered;
    }

    private void DropUpTo(long newNextPlay)
    {
        for (; _nextPlay < newNextPlay; _nextPlay++)
        {
            int slot = (int)(_nextPlay & _mask);
            if (_slotSequence[slot] == _nextPlay)
            {
                _slotSequence[slot] = -1;
                _buffered--;
                Count(ref _dropped);
            }
        }
    }

    private void Restart(long extendedSequence, long extendedTimestamp)
    {
        _farBehind = long.MinValue;
        _slotSequence.AsSpan().Fill(-1);
        _buffered = 0;
        _highest = extendedSequence;
        _highestTimestamp = extendedTimestamp;
        _nextPlay = extendedSequence;
        _playing = false;
        _started = false;
        _prebufferReads = 0;
        _held = 0;
        _excessReads = 0;
    }
}
