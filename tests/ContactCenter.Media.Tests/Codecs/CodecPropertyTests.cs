using ContactCenter.Media.Codecs;
using CsCheck;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Invariants over generated audio and generated packetisations.</summary>
public sealed class CodecPropertyTests
{
    private static short[] Concatenate(IAudioResampler resampler, short[] input, int[] cuts)
    {
        var result = new List<short>();
        int offset = 0;
        foreach (int cut in cuts.Append(input.Length))
        {
            int end = Math.Clamp(cut, offset, input.Length);
            ReadOnlySpan<short> piece = input.AsSpan(offset, end - offset);
            var buffer = new short[resampler.GetOutputLength(piece.Length)];
            Assert.Equal(buffer.Length, resampler.Process(piece, buffer));
            result.AddRange(buffer);
            offset = end;
        }

        return [.. result];
    }

    [Fact]
    public void Resamplers_give_the_same_output_however_the_input_is_cut()
    {
        Gen.Select(Gen.Short.Array[0, 1500], Gen.Int[0, 1500].Array[0, 8]).Sample((pcm, cuts) =>
        {
            int[] sorted = [.. cuts.Order()];
            Assert.Equal(
                Concatenate(new HalfBandDecimator(), pcm, []),
                Concatenate(new HalfBandDecimator(), pcm, sorted));
            Assert.Equal(
                Concatenate(new HalfBandInterpolator(), pcm, []),
                Concatenate(new HalfBandInterpolator(), pcm, sorted));
            Assert.Equal(pcm.Length / 2, Concatenate(new HalfBandDecimator(), pcm, sorted).Length);
        }, iter: 200);
    }

    [Fact]
    public void G722_gives_the_same_stream_however_the_input_is_packetised()
    {
        Gen.Select(Gen.Short.Array[0, 1200], Gen.Int[0, 600].Array[0, 6]).Sample((input, cuts) =>
        {
            short[] pcm = input.Length % 2 == 0 ? input : input[..^1];
            var whole = new byte[pcm.Length / 2];
            Assert.Equal(whole.Length, G722Codec.Instance.CreateEncoder().Encode(pcm, whole));

            IAudioEncoder encoder = G722Codec.Instance.CreateEncoder();
            var pieces = new List<byte>();
            int offset = 0;
            foreach (int cut in cuts.Order().Select(c => Math.Min(2 * c, pcm.Length)).Append(pcm.Length))
            {
                int end = Math.Max(cut, offset);
                var payload = new byte[(end - offset) / 2];
                Assert.Equal(payload.Length, encoder.Encode(pcm.AsSpan(offset, end - offset), payload));
                pieces.AddRange(payload);
                offset = end;
            }

            Assert.Equal(whole, pieces.ToArray());
        }, iter: 200);
    }

    [Fact]
    public void G711_error_stays_within_half_a_quantisation_step()
    {
        Gen.Short.Array[1, 400].Sample(pcm =>
        {
            var codes = new byte[pcm.Length];
            var decoded = new short[pcm.Length];
            foreach (G711Codec codec in new[] { G711Codec.MuLaw, G711Codec.ALaw })
            {
                codec.Encode(pcm, codes);
                codec.Decode(codes, decoded);
                for (int i = 0; i < pcm.Length; i++)
                {
                    // Steps grow with the segment (1024 at the top for both laws), so the bound is relative; µ-law
                    // also clips beyond ±32124 and truncation can add one step of the finer grid.
                    int error = Math.Abs(decoded[i] - pcm[i]);
                    int bound = Math.Max(16, Math.Abs((int)pcm[i]) / 16) + (Math.Abs((int)pcm[i]) > 32124 ? 700 : 0);
                    Assert.True(error <= bound, $"{codec}: {pcm[i]} came back as {decoded[i]}");
                }
            }
        }, iter: 300);
    }
}
