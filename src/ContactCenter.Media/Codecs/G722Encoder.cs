namespace ContactCenter.Media.Codecs;

/// <summary>The G.722 64 kbit/s encoder of one stream (transmit QMF, 6-bit lower and 2-bit higher ADPCM).</summary>
public sealed class G722Encoder : IAudioEncoder
{
    private G722Qmf _qmf;
    private G722SubBand _low = G722SubBand.NewLowBand();
    private G722SubBand _high = G722SubBand.NewHighBand();

    /// <inheritdoc />
    public AudioCodec Codec => G722Codec.Instance;

    /// <summary>Encodes 16 kHz samples, which must come in pairs, one byte per pair.</summary>
    /// <inheritdoc />
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if ((pcm.Length & 1) != 0)
        {
            return CodecResult.InvalidLength;
        }

        int count = pcm.Length / 2;
        if (payload.Length < count)
        {
            return CodecResult.DestinationTooSmall;
        }

        for (int i = 0; i < count; i++)
        {
            _qmf.Analyze(pcm[2 * i], pcm[(2 * i) + 1], out int low, out int high);
            int lowCode = EncodeLow(low);
            int highCode = EncodeHigh(high);
            payload[i] = (byte)((highCode << 6) | lowCode);
        }

        return count;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _qmf = default;
        _low = G722SubBand.NewLowBand();
        _high = G722SubBand.NewHighBand();
    }

    private int EncodeLow(int sample)
    {
        // SUBTRA, then QUANTL: find the decision interval of |e| against the scaled levels.
        int difference = G722SubBand.Saturate(sample - _low.Estimate);
        int magnitude = difference >= 0 ? difference : ~difference;
        int interval = FindLowInterval(magnitude, _low.Scale);
        int code = difference < 0 ? G722Tables.LowCodeNegative[interval] : G722Tables.LowCodePositive[interval];

        // The predictor sees only the 4-bit core so that a decoder of any mode stays in step.
        int code4 = code >> 2;
        int quantized = (_low.Scale * G722Tables.LowInverse4[code4]) >> 15;  // INVQAL
        _low.AdaptLowScale(code4);
        _low.UpdatePredictor(quantized);
        return code;
    }

    private int EncodeHigh(int sample)
    {
        // SUBTRA, then QUANTH: one decision level splits small from large.
        int difference = G722SubBand.Saturate(sample - _high.Estimate);
        int magnitude = difference >= 0 ? difference : ~difference;
        int size = magnitude >= ((564 * _high.Scale) >> 12) ? 2 : 1;
        int code = difference < 0 ? G722Tables.HighCodeNegative[size] : G722Tables.HighCodePositive[size];

        int quantized = (_high.Scale * G722Tables.HighInverse[code]) >> 15;   // INVQAH
        _high.AdaptHighScale(code);
        _high.UpdatePredictor(quantized);
        return code;
    }

    /// <summary>
    /// The smallest interval i in 1..29 whose upper level exceeds the magnitude, or 30 when none does:
    /// a binary search over the monotone levels, equal to the Recommendation's linear scan.
    /// </summary>
    private static int FindLowInterval(int magnitude, int scale)
    {
        ReadOnlySpan<short> levels = G722Tables.LowDecisionLevels;
        int lowest = 1;
        int highest = 30;
        while (lowest < highest)
        {
            int middle = (lowest + highest) >> 1;
            if (magnitude < ((levels[middle] * scale) >> 12))
            {
                highest = middle;
            }
            else
            {
                lowest = middle + 1;
            }
        }

        return lowest;
    }
}
