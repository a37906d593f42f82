namespace ContactCenter.Media.Codecs;

/// <summary>
/// The G.722 24-tap quadrature mirror filter pair, in its two 12-tap polyphase branches:
/// analysis splits two 16 kHz samples into one lower and one higher sub-band sample at 8 kHz,
/// synthesis joins them back.
/// </summary>
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
    // in the lower half.
    private readonly int WindowStart => _position + 1;

    private readonly int DotForward(in QmfHistory history)
    {
        ReadOnlySpan<int> window = ((ReadOnlySpan<int>)history).Slice(WindowStart, QmfHistory.Taps);
        ReadOnlySpan<int> h = G722Tables.QmfCoefficients;
        int sum = 0;
        for (int i = 0; i < QmfHistory.Taps; i++)
        {
            sum += window[i] * h[i];
        }

        return sum;
    }

    private readonly int DotReverse(in QmfHistory history)
    {
        ReadOnlySpan<int> window = ((ReadOnlySpan<int>)history).Slice(WindowStart, QmfHistory.Taps);
        ReadOnlySpan<int> h = G722Tables.QmfCoefficients;
        int sum = 0;
        for (int i = 0; i < QmfHistory.Taps; i++)
        {
            sum += window[i] * h[QmfHistory.Taps - 1 - i];
        }

        return sum;
    }
}
