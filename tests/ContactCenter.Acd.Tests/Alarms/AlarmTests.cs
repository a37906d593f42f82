using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Alarms;

public sealed class AlarmTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static AlarmRule WaitingRule(int duration = 5) =>
        new("too-many-waiting", "Too many waiting", AlarmMetrics.Waiting, AlarmScope.Service, null, AlarmComparison.GreaterOrEqual,
            Threshold: 3, ClearThreshold: 1, DurationSeconds: duration, AlarmSeverity.Warning);

    [Fact]
    public void Evaluator_raises_only_after_the_duration_and_clears_only_past_the_clear_threshold()
    {
        var evaluator = new AlarmEvaluator();
        var rule = WaitingRule();
        Assert.Null(evaluator.Evaluate(rule, "s", 3, T0));
        Assert.Null(evaluator.Evaluate(rule, "s", 4, T0.AddSeconds(4)));
        var raised = evaluator.Evaluate(rule, "s", 3, T0.AddSeconds(5));
        Assert.Equal(AlarmTransitionKind.Raised, raised!.Value.Kind);
        // Hysteresis: back under the raise threshold but not at the clear threshold keeps it raised.
        Assert.Null(evaluator.Evaluate(rule, "s", 2, T0.AddSeconds(6)));
        Assert.Null(evaluator.Evaluate(rule, "s", 3, T0.AddSeconds(7)));
        var cleared = evaluator.Evaluate(rule, "s", 1, T0.AddSeconds(8));
        Assert.Equal(AlarmTransitionKind.Cleared, cleared!.Value.Kind);
        Assert.Equal(T0.AddSeconds(8), cleared.Value.Alarm.ClearedAt);
        Assert.Empty(evaluator.Active);
    }

    [Fact]
    public void A_breach_shorter_than_the_duration_raises_nothing()
    {
        var evaluator = new AlarmEvaluator();
        var rule = WaitingRule();
        Assert.Null(evaluator.Evaluate(rule, "s", 5, T0));
        Assert.Null(evaluator.Evaluate(rule, "s", 0, T0.AddSeconds(3)));
        Assert.Null(evaluator.Evaluate(rule, "s", 5, T0.AddSeconds(4)));
        Assert.Null(evaluator.Evaluate(rule, "s", 5, T0.AddSeconds(8)));
        Assert.NotNull(evaluator.Evaluate(rule, "s", 5, T0.AddSeconds(9)));
    }

    [Fact]
    public void Inconsistent_rules_are_refused()
    {
        Assert.NotNull((WaitingRule() with { ClearThreshold = 5 }).Validate());
        Assert.NotNull((WaitingRule() with { Metric = "bogus" }).Validate());
        Assert.NotNull((WaitingRule() with { Scope = AlarmScope.System, Metric = AlarmMetrics.TrunksDown, ScopeId = "x" }).Validate());
        Assert.Null(WaitingRule().Validate());
    }

    [Fact]
    public void Engine_raises_a_service_alarm_on_a_long_queue_and_clears_it_when_drained_with_acknowledgement_between()
    {
        var h = new EngineHarness(Build([Service("s"), Service("quiet")], [Agent("a", ["s"])], [WaitingRule()]));
        for (int i = 0; i < 4; i++) h.Arrive($"i{i}", "s");
        h.Advance(4);
        Assert.Empty(h.Bus.OfType(AcdEventTypes.AlarmRaised));
        h.Advance(1);
        h.Advance(1);
        var raised = Assert.Single(h.Bus.OfType(AcdEventTypes.AlarmRaised));
        Assert.Equal("s", raised.ServiceId);
        var alarm = raised.PayloadAs<Alarm>();
        Assert.Equal((4.0, AlarmSeverity.Warning), (alarm.Value, alarm.Severity));

        var ack = h.Engine.AcknowledgeAlarm(alarm.Id, "supervisor-1");
        Assert.True(ack.IsSuccess);
        Assert.Equal("supervisor-1", Assert.Single(h.Bus.OfType(AcdEventTypes.AlarmAcknowledged)).PayloadAs<Alarm>().AcknowledgedBy);
        Assert.Equal(AcdErrors.AlarmNotFoundCode, h.Engine.AcknowledgeAlarm("nope", "x").Error!.Code);

        h.Engine.Login("a");
        // One offered leaves 3 waiting: still raised. Two more handled leaves 1: cleared (clear threshold 1).
        for (int i = 0; i < 3; i++)
        {
            var offer = h.Delivery.LastOffer;
            h.Engine.Accept(offer.InteractionId, "a");
            h.Engine.End(offer.InteractionId);
            h.Advance(1);
        }
        var cleared = Assert.Single(h.Bus.OfType(AcdEventTypes.AlarmCleared));
        Assert.Equal(alarm.Id, cleared.PayloadAs<Alarm>().Id);
        Assert.Empty(h.Engine.ActiveAlarms);
    }

    [Fact]
    public void System_alarms_follow_reported_metrics()
    {
        var rule = new AlarmRule("trunk", "Trunk down", AlarmMetrics.TrunksDown, AlarmScope.System, null, AlarmComparison.GreaterThan, 0, 0, 0, AlarmSeverity.Critical);
        var h = new EngineHarness(Build([Service("s")], [], [rule]));
        Assert.True(h.Engine.ReportSystemMetric(AlarmMetrics.TrunksDown, 1).IsSuccess);
        h.Advance(1);
        Assert.Single(h.Bus.OfType(AcdEventTypes.AlarmRaised));
        h.Engine.ReportSystemMetric(AlarmMetrics.TrunksDown, 0);
        h.Advance(1);
        Assert.Single(h.Bus.OfType(AcdEventTypes.AlarmCleared));
        Assert.False(h.Engine.ReportSystemMetric("nonsense", 1).IsSuccess);
    }
}
