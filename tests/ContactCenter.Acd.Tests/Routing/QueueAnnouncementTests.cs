using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

/// <summary>Queue announcements: every interval of the service, each waiting customer's position and expected wait go to its channel.</summary>
public sealed class QueueAnnouncementTests
{
    [Fact]
    public void Waiting_interactions_are_told_their_position_every_interval_and_the_expected_wait_once_it_can_be_estimated()
    {
        var announcements = new QueueAnnouncements(Position: true, ExpectedWait: true, IntervalSeconds: 20);
        var h = new EngineHarness(Build([Service("s", offerTimeoutSeconds: 60, announcements: announcements)], [Agent("a", ["s"]), Agent("b", ["s"])]));
        h.LoginAll("a");
        h.Arrive("i1", "s");
        h.Engine.Accept("i1", "a");
        h.Advance(90);
        h.Engine.End("i1"); // one handled today: 90 s handle time
        h.Arrive("i2", "s");
        h.Engine.Accept("i2", "a");
        h.Arrive("w1", "s");
        h.Advance(5);
        h.Arrive("w2", "s");

        h.Advance(14.9);
        Assert.Empty(h.Delivery.Announcements);
        h.Advance(0.1); // 20 s after w1 queued
        Assert.Equal(new WaitAnnouncement("w1", "call-w1", "s", 1, 90), h.Delivery.Announcements.Single());

        h.Advance(5); // w2's turn: second in line, one agent taking work → 2 × 90 s
        Assert.Equal(new WaitAnnouncement("w2", "call-w2", "s", 2, 180), h.Delivery.Announcements.Last());

        h.LoginAll("b"); // b takes w1; two agents taking work now
        h.Advance(20);
        Assert.Equal(new WaitAnnouncement("w2", "call-w2", "s", 1, 45), h.Delivery.Announcements.Last());
        Assert.Equal(3, h.Delivery.Announcements.Count); // w1 is being offered: not announced
    }

    [Fact]
    public void Nothing_is_announced_for_a_service_without_announcements_nor_an_unknown_expected_wait()
    {
        var h = new EngineHarness(Build(
            [Service("quiet"), Service("position", announcements: new QueueAnnouncements(Position: true, ExpectedWait: true, IntervalSeconds: 10))],
            [Agent("a", ["quiet", "position"])]));
        h.Arrive("q", "quiet");
        h.Arrive("p", "position");

        h.Advance(10);

        // Nothing handled today and nobody logged in: the wait cannot be estimated.
        Assert.Equal(new WaitAnnouncement("p", "call-p", "position", 1, null), h.Delivery.Announcements.Single());
    }

    [Fact]
    public void An_announcement_interval_outside_5_to_3600_seconds_is_refused()
    {
        var service = Service("s", announcements: new QueueAnnouncements(Position: true, IntervalSeconds: 2));
        var error = ConfigurationValidator.Validate(service, Build([], []));
        Assert.Equal(AcdErrors.ValidationFailedCode, error!.Code);
        Assert.Contains("intervalSeconds", error.Message);
    }
}
