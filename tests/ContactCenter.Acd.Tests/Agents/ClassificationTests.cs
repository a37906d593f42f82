using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Statistics;
using ContactCenter.Acd.Storage;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Agents;

public sealed class ClassificationTests
{
    private sealed class KeepingSink : IAcdHistorySink
    {
        public List<InteractionRecord> Interactions { get; } = [];
        public void IntervalClosed(IReadOnlyList<ServiceIntervalRow> services, IReadOnlyList<AgentIntervalRow> agents) { }
        public void InteractionFinished(InteractionRecord record) => Interactions.Add(record);
        public void AlarmChanged(Alarm alarm) { }
    }

    [Fact]
    public void Classification_timeout_records_unclassified_then_post_call_runs_its_own_time()
    {
        var sink = new KeepingSink();
        var h = new EngineHarness(Build([Service("s", classificationSeconds: 20, postCallSeconds: 10)], [Agent("a", ["s"])]), sink);
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        h.Engine.Accept("i1", "a");
        h.Engine.End("i1");

        var required = h.Bus.Payloads<ClassificationEvent>(AcdEventTypes.ClassificationRequired).Single();
        Assert.Equal(["sale", "no_sale"], required.Dispositions);
        Assert.Equal(h.Time.GetUtcNow().AddSeconds(20), required.Deadline);

        h.Advance(20);
        Assert.Equal(AgentState.PostCall, h.StateOf("a"));
        var done = h.Bus.Payloads<ClassificationEvent>(AcdEventTypes.ClassificationDone).Single();
        Assert.True(done.TimedOut);
        Assert.Equal("unclassified", done.Disposition);
        Assert.Equal(AcdErrors.NotInClassificationCode, h.Engine.Classify("a", "i1", "sale").Error!.Code);

        h.Advance(10);
        Assert.Equal(AgentState.Available, h.StateOf("a"));
        var record = sink.Interactions.Single();
        Assert.Equal(("i1", "handled", "unclassified", "a"), (record.Id, record.Outcome, record.Disposition, record.AgentId));
    }

    [Fact]
    public void Classifying_in_time_stores_the_disposition_and_unknown_ones_are_refused()
    {
        var sink = new KeepingSink();
        var h = new EngineHarness(Build([Service("s", classificationSeconds: 20)], [Agent("a", ["s"])]), sink);
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        h.Engine.Accept("i1", "a");
        h.Engine.End("i1");
        Assert.Equal(AcdErrors.UnknownDispositionCode, h.Engine.Classify("a", "i1", "bogus").Error!.Code);
        Assert.Equal(AgentState.Classification, h.StateOf("a"));
        Assert.True(h.Engine.Classify("a", "i1", "sale").IsSuccess);
        Assert.Equal(AgentState.Available, h.StateOf("a"));
        Assert.Equal("sale", sink.Interactions.Single().Disposition);
        h.Advance(60);
        Assert.DoesNotContain(h.Bus.Payloads<ClassificationEvent>(AcdEventTypes.ClassificationDone), c => c.TimedOut);
    }

    [Fact]
    public void Returning_to_available_during_classification_records_unclassified()
    {
        var sink = new KeepingSink();
        var h = new EngineHarness(Build([Service("s", classificationSeconds: 20, postCallSeconds: 60)], [Agent("a", ["s"])]), sink);
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        h.Engine.Accept("i1", "a");
        h.Engine.End("i1");
        h.Advance(3);
        Assert.True(h.Engine.Ready("a").IsSuccess);
        Assert.Equal(AgentState.Available, h.StateOf("a"));
        Assert.Equal("unclassified", sink.Interactions.Single().Disposition);
    }
}
