using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Jitter;

/// <summary>
/// <see cref="JitterBuffer.ReadEncodedFrame"/> (a G.711 recording takes the bytes as they came) must play exactly what
/// <see cref="JitterBuffer.ReadFrame"/> plays: the same frames in the same ticks, the same concealment after a loss
/// (decoded from the last frame only then), the same statistics.
/// </summary>
public sealed class JitterBufferEncodedReadTests
{
    [Fact]
    public void Encoded_reads_play_the_same_audio_as_decoded_reads_through_reordering_losses_and_a_stall()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var decoded = new JitterBuffer(G711Codec.MuLaw.CreateDecoder(), timeProvider: time);
        var encoded = new JitterBuffer(G711Codec.MuLaw.CreateDecoder(), timeProvider: time);

        // 0..59 with 10 and 11 swapped, 20 lost, 30..33 lost (a burst longer than the concealment fade), then a 300 ms stall.
        var order = Enumerable.Range(0, 60).Where(s => s != 20 && s is < 30 or > 33).ToList();
        (order[10], order[11]) = (order[11], order[10]);
        var playedEncoded = 0;
        var concealedAudible = 0;
        var expected = new short[160];
        var actual = new short[160];
        for (int tick = 0, next = 0; tick < 120; tick++)
        {
            if (tick is < 40 or > 55)
            {
                for (int burst = 0; burst < 1 && next < order.Count; burst++, next++)
                {
                    Push(decoded, encoded, order[next], time.GetTimestamp());
                }
            }

            bool audible = decoded.ReadFrame(expected);
            JitterFrame kind = encoded.ReadEncodedFrame(actual);
            if (kind == JitterFrame.Encoded)
            {
                playedEncoded++;
                Assert.Equal(160, G711Codec.MuLaw.Decode(encoded.EncodedFrame, actual));
            }
            else if (kind == JitterFrame.Decoded)
            {
                concealedAudible++;
            }

            Assert.Equal(audible, kind != JitterFrame.Silent);
            Assert.Equal(expected, actual);
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(decoded.Statistics, encoded.Statistics);
        Assert.Equal(decoded.Statistics.Played, playedEncoded);
        Assert.True(decoded.Statistics.Concealed > 0 && concealedAudible > 0, $"{decoded.Statistics}: the test must cover concealment");
    }

    [Fact]
    public void A_stateful_codec_is_always_decoded()
    {
        var time = new FakeTimeProvider();
        var buffer = new JitterBuffer(G722Codec.Instance.CreateDecoder(), timeProvider: time);
        var payload = new byte[G722Codec.Instance.BytesPerFrame];
        var frame = new short[G722Codec.Instance.SamplesPerFrame];
        for (int sequence = 0; sequence < 10; sequence++)
        {
            buffer.Push(1, (ushort)sequence, (uint)(sequence * 160), payload, time.GetTimestamp());
            Assert.NotEqual(JitterFrame.Encoded, buffer.ReadEncodedFrame(frame));
            time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(buffer.Statistics.Played > 0);
    }

    // A distinct µ-law frame per sequence number (a tone whose level follows the number), into both buffers.
    private static void Push(JitterBuffer first, JitterBuffer second, int sequence, long arrival)
    {
        var pcm = new short[160];
        for (int n = 0; n < pcm.Length; n++)
        {
            pcm[n] = (short)((1000 + (sequence * 150)) * Math.Sin(2 * Math.PI * 440 * ((sequence * 160) + n) / 8000));
        }

        var payload = new byte[160];
        MuLaw.Encode(pcm, payload);
        Assert.Equal(JitterPushResult.Queued, first.Push(7, (ushort)sequence, (uint)(sequence * 160), payload, arrival));
        Assert.Equal(JitterPushResult.Queued, second.Push(7, (ushort)sequence, (uint)(sequence * 160), payload, arrival));
    }
}
