namespace ContactCenter.Media.Codecs;

/// <summary>The G.722 64 kbit/s decoder of one stream (6-bit lower and 2-bit higher ADPCM, receive QMF).</summary>
public sealed class G722Decoder : IAudioDecoder
{
    private const int SubBandMin = -16384;
    private const int SubBandMax = 16383;

    private G722Qmf _qmf;
    private G722SubBand _low = G722SubBand.NewLowBand();
    private G722SubBand _high = G722SubBand.NewHighBand();

    /// <inheritdoc />
    public AudioCodec Codec => G722Codec.Instance;

    /// <summary>Decodes one byte into two 16 kHz samples; every byte value is a valid code.</summary>
    /// <inheritdoc />
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        int count = payload.Length * 2;
        if (pcm.Length < count)
        {
            return CodecResult.DestinationTooSmall;
        }

        for (int i = 0; i < payload.Length; i++)
        {
            int code = payload[i];
            int low = DecodeLow(code & 0x3F);
            int high = DecodeHigh(code >> 6);
            _qmf.Synthesize(low, high, out pcm[2 * i], out pcm[(2 * i) + 1]);
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

    private int DecodeLow(int code)
    {
        // INVQBL + RECONS + LIMIT: the output uses all six bits.
        int output = Math.Clamp(_low.Estimate + ((_low.Scale * G722Tables.LowInverse6[code]) >> 15), SubBandMin, SubBandMax);

        // INVQAL + adaptation: the predictor uses the 4-bit core, exactly as the encoder did.
        int code4 = code >> 2;
        int quantized = (_low.Scale * G722Tables.LowInverse4[code4]) >> 15;
        _low.AdaptLowScale(code4);
        _low.UpdatePredictor(quantized);
        return output;
    }

    private int DecodeHigh(int code)
    {
        int quantized = (_high.Scale * G722Tables.HighInverse[code]) >> 15;  // INVQAH
        int output = Math.Clamp(_high.Estimate + quantized, SubBandMin, SubBandMax);
        _high.AdaptHighScale(code);
        _high.UpdatePredictor(quantized);
        return output;
    }
}
