namespace ContactCenter.Media.Dtmf;

public sealed partial class GoertzelDtmfDetector
{
    private char ClassifyBlock()
    {
        for (var i = 0; i < 8; i++)
        {
            _powers[i] = (_s1[i] * _s1[i]) + (_s2[i] * _s2[i]) - (_coefficients[i] * _s1[i] * _s2[i]);
        }

        var row = StrongestOf(0);
        var column = StrongestOf(4);
        var rowPower = _powers[row];
        var columnPower = _powers[4 + column];

        var loudEnough = rowPower >= _minimumTonePower && columnPower >= _minimumTonePower;
        var withinTwist = columnPower <= rowPower * _normalTwist && rowPower <= columnPower * _reverseTwist;
        if (!loudEnough || !withinTwist || !StandsOut(0, row) || !StandsOut(4, column))
        {
            return NoDigit;
        }

        // Each tone's mean power is 2|X|^2/N^2; the block's is energy/N. The pair must carry most of it.
        var tonePower = 2 * (rowPower + columnPower) / ((double)BlockSize * BlockSize);
        var blockPower = _blockEnergy / BlockSize;
        return tonePower >= _minimumShare * blockPower ? Keypad[(row * 4) + column] : NoDigit;
    }

    private int StrongestOf(int first)
    {
        var best = 0;
        for (var i = 1; i < 4; i++)
        {
            if (_powers[first + i] > _powers[first + best])
            {
                best = i;
            }
        }

        return best;
    }

    private bool StandsOut(int first, int best)
    {
        var peak = _powers[first + best];
        for (var i = 0; i < 4; i++)
        {
            if (i != best && _powers[first + i] * _relativePeak > peak)
            {
                return false;
            }
        }

        return true;
    }

    private void Track(char digit, long blockStart, long blockEnd)
    {
        if (digit == _runDigit)
        {
            _runLength++;
        }
        else
        {
            _runDigit = digit;
            _runLength = 1;
            _runStart = blockStart;
        }

        if (_activeDigit != NoDigit)
        {
            if (digit == _activeDigit)
            {
                _activeMisses = 0;
                _activeLastHitEnd = blockEnd;
            }
            else if (++_activeMisses >= BlocksToEnd)
            {
                _events.Enqueue(new DtmfEvent(
                    DtmfEventKind.Ended, _activeDigit, SamplesToTime(_activeLastHitEnd - _activeStart), (uint)_activeStart, DtmfEndReason.ToneStopped));
                _activeDigit = NoDigit;
            }
        }

        if (_activeDigit == NoDigit && digit != NoDigit && _runLength >= BlocksToStart)
        {
            _activeDigit = digit;
            _activeStart = _runStart;
            _activeLastHitEnd = blockEnd;
            _activeMisses = 0;
            _events.Enqueue(new DtmfEvent(
                DtmfEventKind.Started, digit, SamplesToTime(blockEnd - _runStart), (uint)_runStart, DtmfEndReason.None));
        }
    }

    private static TimeSpan SamplesToTime(long samples) => TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / SampleRate);
}
