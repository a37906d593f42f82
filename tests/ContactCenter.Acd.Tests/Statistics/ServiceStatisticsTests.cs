using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Statistics;
using ContactCenter.Acd.Storage;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Statistics;

public sealed class ServiceStatisticsTests
{
    private sealed class IntervalSink : IAcdHistorySink
    {
        public List<ServiceIntervalRow> Services { get; } = [];
        public List<AgentIntervalRow> Agents { get; } = [];
        public void IntervalClosed(IReadOnlyList<ServiceIntervalRow> services, IReadOnlyList<AgentIntervalRow> agents)
        {
            Services.AddRange(services);
            Agents.AddRange(agents);
        }
        public void InteractionFinished(InteractionRecord record) { }
        public void AlarmChanged(Alarm alarm) { }
    }

    /// <summary>
    /// t=0 i1 arrives and rings; answered at 5 (within the 20 s threshold). i2 arrives at 5, i3 at 10. i3 abandons at 40.
    /// i1 ends at 65, post-call to 75, i2 rings at 75 (waited 70) and is answered at 77, ends at 137, post-call to 147.
    /// </summary>
    [Fact]
    public void A_scripted_scenario_gives_exact_service_level_asa_aht_and_occupancy()
    {
        var sink = new IntervalSink();
        var h = new EngineHarness(Build([Service("s", postCallSeconds: 10, serviceLevelSeconds: 20)], [Agent("a", ["s"])]), sink);
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        h.Advance(5);
        h.Engine.Accept("i1", "a");
        h.Arrive("i2", "s");
        h.Advance(5);
        h.Arrive("i3", "s");
        var live = h.Engine.GetServiceStatistics("s")!;
        Assert.Equal((2, 5.0), (live.Waiting, live.LongestWaitSeconds));
        Assert.Equal(1, live.AgentsByState["busy"]);
        h.Advance(30);
        h.Engine.Abandon("i3");
        h.Advance(25);
        h.Engine.End("i1");
        h.Advance(10);
        Assert.Equal("i2", h.Delivery.LastOffer.InteractionId);
        h.Advance(2);
        h.Engine.Accept("i2", "a");
        h.Advance(60);
        h.Engine.End("i2");
        h.Advance(13);

        var stats = h.Engine.GetServiceStatistics("s")!;
        Assert.Equal(0, stats.Waiting);
        foreach (var period in new[] { stats.Interval, stats.Today })
        {
            Assert.Equal((3, 2, 1, 1, 2), (period.Offered, period.Answered, period.AnsweredWithinThreshold, period.Abandoned, period.Handled));
            Assert.Equal(33.33, period.ServiceLevel);
            Assert.Equal(38.5, period.AsaSeconds);
            Assert.Equal(70, period.AhtSeconds);
        }
        var agent = h.Engine.GetAgentStatistics("a")!;
        Assert.Equal((2, 120.0, 20.0, 150.0), (agent.Today.Handled, agent.Today.TalkSeconds, agent.Today.WrapSeconds, agent.Today.LoggedInSeconds));
        Assert.Equal(98, agent.Today.Occupancy);
        Assert.Equal("available", agent.State);
        Assert.Equal(3, agent.TimeInStateSeconds);

        // The interval 09:00–09:15 closes and is handed over for history; the next one starts empty, today goes on.
        h.Advance(900 - 150);
        var row = Assert.Single(sink.Services);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero), row.IntervalStart);
        Assert.Equal(33.33, row.Figures.ServiceLevel);
        Assert.Equal(900, Assert.Single(sink.Agents).Figures.LoggedInSeconds);
        var after = h.Engine.GetServiceStatistics("s")!;
        Assert.Equal(0, after.Interval.Offered);
        Assert.Equal(3, after.Today.Offered);
    }

    [Fact]
    public void Statistics_events_are_throttled_to_one_per_second_per_service()
    {
        var h = new EngineHarness(Build([Service("s"), Service("t")], [Agent("a", ["s", "t"])]));
        h.Engine.Login("a");
        for (int second = 0; second < 5; second++)
        {
            for (int i = 0; i < 20; i++)
            {
                h.Arrive($"s{second}-{i}", "s");
                h.Arrive($"t{second}-{i}", "t");
                h.Time.Advance(TimeSpan.FromMilliseconds(40));
                h.Engine.ProcessDueTimers();
            }
            h.Advance(0.2);
        }
        h.Advance(2);
        foreach (var service in new[] { "s", "t" })
        {
            var times = h.Bus.OfType(AcdEventTypes.ServiceStatistics).Where(e => e.ServiceId == service).Select(e => e.PayloadAs<ServiceStatistics>().At).ToList();
            Assert.InRange(times.Count, 5, 6);
            Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
            // The last event carries the final figures: nothing is lost by throttling.
            Assert.Equal(100, h.Bus.OfType(AcdEventTypes.ServiceStatistics).Last(e => e.ServiceId == service).PayloadAs<ServiceStatistics>().Today.Offered);
        }
        Assert.All(h.Bus.OfType(AcdEventTypes.ServiceStatistics), e => Assert.Equal("voice", e.Media));
    }
}
