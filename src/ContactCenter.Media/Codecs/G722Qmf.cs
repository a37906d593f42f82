namespace ContactCenter.Media.Codecs;

/// <summary>
/// The G.722 24-tap quadrature mirror filter pair, in its two 12-tap polyphase branches:
/// analysis splits two 16 kHz samples into one lower and one higher sub-band sample at 8 kHz,
/// synthesis joins them back.
/// </summary>
/// <remarks>
/// The coefficients h0..h11 = 3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11
/// (h23-i = hi) are written out as constants in the two dot products: one branch takes them
/// oldest-first, the other newest-first.
/// </remarks>
internal struct G722Qmf
{
    private QmfHistory _first;
    private QmfHistory _second;
    private int _position;

    /// <summary>
    /// Transmit QMF: consumes the samples x(2n) and x(2n+1) and gives the 15-bit lower and higher
    /// sub-band samples (the filters' DC gain is 4096; one more bit halves the input to 15 bits).
    /// </summary>
    public void Analyze(int first, int second, out int low, out int high)
    {
        Push(first, second);
        int sumFirst = DotForward(in _first);
        int sumSecond = DotReverse(in _second);
        low = (sumSecond + sumFirst) >> 14;
        high = (sumSecond - sumFirst) >> 14;
    }

    /// <summary>
    /// Receive QMF: consumes one reconstructed sample of each sub-band and gives two 16 kHz samples.
    /// </summary>
    public void Synthesize(int low, int high, out short first, out short second)
    {
        Push(G722SubBand.Saturate(low + high), G722SubBand.Saturate(low - high));
        first = (short)G722SubBand.Saturate(DotReverse(in _second) >> 11);
        second = (short)G722SubBand.Saturate(DotForward(in _first) >> 11);
    }

    private void Push(int first, int second)
    {
        _position = _position == QmfHistory.Taps - 1 ? 0 : _position + 1;
        _first[_position] = first;
        _first[_position + QmfHistory.Taps] = first;
        _second[_position] = second;
        _second[_position + QmfHistory.Taps] = second;
    }

    // The window of the twelve newest samples, oldest first, starts just after the newest copy
    // in the lower half; WindowStart + 11 is at most 23, inside the doubled buffer.
    private readonly int WindowStart => _position + 1;

    /// <summary>Σ x(oldest + i)·h(i).</summary>
    private readonly int DotForward(in QmfHistory history)
    {
        ReadOnlySpan<int> w = ((ReadOnlySpan<int>)history).Slice(WindowStart, QmfHistory.Taps);
        return (3 * w[0]) - (11 * w[1]) + (12 * w[2]) + (32 * w[3]) - (210 * w[4]) + (951 * w[5])
            + (3876 * w[6]) - (805 * w[7]) + (362 * w[8]) - (156 * w[9]) + (53 * w[10]) - (11 * w[11]);
    }

    /// <summary>Σ x(oldest + i)·h(11 - i).</summary>
    private readonly int DotReverse(in QmfHistory history)
    {
        ReadOnlySpan<int> w = ((ReadOnlySpan<int>)history).Slice(WindowStart, QmfHistory.Taps);
        return (3 * w[11]) - (11 * w[10]) + (12 * w[9]) + (32 * w[8]) - (210 * w[7]) + (951 * w[6])
            + (3876 * w[5]) - (805 * w[4]) + (362 * w[3]) - (156 * w[2]) + (53 * w[1]) - (11 * w[0]);
    }
}
