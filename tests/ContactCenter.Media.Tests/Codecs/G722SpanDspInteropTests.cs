using ContactCenter.Media.Codecs;
using Xunit.Abstractions;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// Interoperability with the G.722 that baresip's g722 module uses (SpanDSP), through its C API.
/// </summary>
public sealed class G722SpanDspInteropTests(ITestOutputHelper output)
{
    private const int SampleRate = 16000;

    private static short[] Signal()
    {
        var random = new Random(2);
        var noise = new short[SampleRate / 2];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        return
        [
            .. Signals.Tone(1000, SampleRate, SampleRate),
            .. Signals.Sweep(50, 7900, SampleRate, SampleRate, amplitude: 30000),
            .. noise,
            .. new short[SampleRate / 4],
            .. Signals.Tone(200, SampleRate, SampleRate / 2, amplitude: 32767),
        ];
    }

    [Fact]
    public void Encoder_matches_spandsp_bit_for_bit()
    {
        SpanDspG722.Require();
        short[] pcm = Signal();

        byte[] theirs = SpanDspG722.Encode(pcm);
        var ours = new byte[pcm.Length / 2];
        G722Codec.Instance.CreateEncoder().Encode(pcm, ours);

        int differing = ours.Zip(theirs).Count(p => p.First != p.Second);
        output.WriteLine($"payload bytes differing from SpanDSP: {differing} of {ours.Length}");
        Assert.Equal(theirs, ours);
    }

    /// <summary>
    /// SpanDSP 0.0.6 (Debian's libspandsp2) casts the receive QMF output to 16 bits without
    /// saturating, so a sample beyond full scale wraps to the other sign; this decoder (like the
    /// Recommendation's LIMIT and FFmpeg) clips instead. Every other sample must match exactly.
    /// </summary>
    [Fact]
    public void Decoder_matches_spandsp_bit_for_bit_on_any_payload_apart_from_its_wraparound()
    {
        SpanDspG722.Require();
        short[] pcm = Signal();
        byte[] encoded = SpanDspG722.Encode(pcm);
        var garbage = new byte[8000];
        new Random(3).NextBytes(garbage);
        byte[] payload = [.. encoded, .. garbage];

        short[] theirs = SpanDspG722.Decode(payload);
        var ours = new short[payload.Length * 2];
        G722Codec.Instance.CreateDecoder().Decode(payload, ours);

        int wrapped = 0;
        for (int i = 0; i < ours.Length; i++)
        {
            if (ours[i] == theirs[i])
            {
                continue;
            }

            bool clippedHereWrappedThere = (ours[i] == short.MaxValue && theirs[i] < 0) || (ours[i] == short.MinValue && theirs[i] >= 0);
            Assert.True(clippedHereWrappedThere, $"sample {i}: SpanDSP {theirs[i]}, ours {ours[i]}");
            wrapped++;
        }

        output.WriteLine($"decoded samples: {ours.Length - wrapped} identical, {wrapped} clipped here where SpanDSP wraps");
        Assert.True(wrapped < ours.Length / 100, $"{wrapped} samples differ");

        // The -10 dBFS tone never comes near full scale: identical throughout.
        Assert.Equal(theirs.AsSpan(0, SampleRate).ToArray(), ours.AsSpan(0, SampleRate).ToArray());
    }
}
