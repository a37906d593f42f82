using ContactCenter.Acd.Configuration;
using ContactCenter.Server.Tests.SipPeers;
using QueuePrompts = ContactCenter.Telephony.Calls.QueuePrompts;

namespace ContactCenter.Server.Tests.Acd;

/// <summary>
/// Queue announcements heard by a real caller: a trunk call waits in a service that announces the position every 5 s;
/// the RTP the caller receives holds, about 5 s after it queued, the spoken prompts "You are number | one | in line."
/// sample for sample (μ-law aside), between the music.
/// </summary>
public sealed class AcdQueueAnnouncementTests
{
    [Fact]
    public async Task A_waiting_caller_hears_its_position_spoken_between_the_music_every_interval()
    {
        var service = AcdSipCenter.Service("info", RoutingStrategy.LongestIdle, AnswerMode.Automatic, offerTimeoutSeconds: 10,
            classificationSeconds: 0, postCallSeconds: 0, serviceLevelSeconds: 10) with
        {
            Announcements = new QueueAnnouncements(Position: true, ExpectedWait: true, IntervalSeconds: 5),
        };
        await using var center = await AcdSipCenter.StartAsync(service, [AcdSipCenter.Agent("ana", "3001", "info")]);
        using var caller = new RawTrunkCaller(center.Server.Udp);

        await caller.CallAsync(AcdSipCenter.DialledDid);
        await caller.ListenAsync(TimeSpan.FromSeconds(8.5));
        await caller.HangUpAsync();

        // Nobody handled anything today: the expected wait is unknown, so only the position is said.
        var expected = Expected(QueuePrompts.Compose(1, null));
        var heard = caller.Heard();
        var (offset, correlation) = BestFrameAlignedMatch(heard, expected);
        Assert.True(correlation > 0.95, $"best match {correlation:0.000} at {offset / 8000.0:0.00} s of {heard.Length / 8000.0:0.00} s heard");
        Assert.InRange(offset / 8000.0, 4.0, 6.5); // one interval after the call was queued
        // Before it, music (not the announcement, not silence).
        Assert.True(Rms(heard.AsSpan(8000, 16000)) > 300, "music was playing before the announcement");
        Assert.True(Correlation(heard, 8000, expected) < 0.5);
        // After it, the music again.
        int after = offset + expected.Length;
        Assert.True(heard.Length - after > 4000 && Rms(heard.AsSpan(after, 4000)) > 300, "the music resumed after the announcement");
    }

    /// <summary>What the engine sends: each prompt from a fresh frame, its last frame padded with silence.</summary>
    private static short[] Expected(IReadOnlyList<ContactCenter.Media.Playback.AudioClip> clips)
    {
        var samples = new List<short>();
        foreach (var clip in clips)
        {
            var clip8k = clip.ConvertTo(8000).Samples.ToArray();
            samples.AddRange(clip8k);
            samples.AddRange(new short[(160 - clip8k.Length % 160) % 160]);
        }
        return samples.ToArray();
    }

    private static (int Offset, double Correlation) BestFrameAlignedMatch(short[] heard, short[] expected)
    {
        (int, double) best = (-1, double.MinValue);
        for (int offset = 0; offset + expected.Length <= heard.Length; offset += 160)
        {
            double c = Correlation(heard, offset, expected);
            if (c > best.Item2) best = (offset, c);
        }
        return best;
    }

    private static double Correlation(short[] heard, int offset, short[] expected)
    {
        double dot = 0, a = 0, b = 0;
        for (int i = 0; i < expected.Length && offset + i < heard.Length; i++)
        {
            double x = heard[offset + i], y = expected[i];
            dot += x * y;
            a += x * x;
            b += y * y;
        }
        return a == 0 || b == 0 ? 0 : dot / Math.Sqrt(a * b);
    }

    private static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples) sum += (double)s * s;
        return Math.Sqrt(sum / samples.Length);
    }
}
