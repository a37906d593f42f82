using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;
using CallEventPayload = ContactCenter.Telephony.Calls.CallEventPayload;
using CallEventTypes = ContactCenter.Telephony.Calls.CallEventTypes;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The ACD end to end with real SIP, manual answer mode, one scripted scenario whose statistics are known in advance:
/// three trunk calls into a longest-idle service served by three sipp phones — one that only rings (RONA), two that
/// ring and are picked up. Call 1 rings out at the first agent (RONA: it is paused, the call goes on and is answered
/// outside the service-level threshold); call 2 is answered at once; call 3 finds nobody free, raises the queue alarm
/// and is abandoned, which clears it. Afterwards: offered 3, answered 2 (1 within threshold), abandoned 1.
/// </summary>
public sealed class AcdScriptedScenarioSippTests
{
    private const int OfferTimeoutSeconds = 3;
    private const int ServiceLevelSeconds = 2;
    private const int ClassificationSeconds = 60;
    private const int PostCallSeconds = 1;

    [Fact]
    public async Task Rona_then_answer_then_abandon_gives_exact_statistics_classification_and_a_raised_and_cleared_queue_alarm()
    {
        PeerAvailability.RequireSipp();
        var service = AcdSipCenter.Service("sales", RoutingStrategy.LongestIdle, AnswerMode.Manual, OfferTimeoutSeconds,
            ClassificationSeconds, PostCallSeconds, ServiceLevelSeconds);
        var queueAlarm = new AlarmRule("sales-waiting", "Someone waits in sales", AlarmMetrics.Waiting, AlarmScope.Service, "sales",
            AlarmComparison.GreaterOrEqual, Threshold: 1, ClearThreshold: 0, DurationSeconds: 1, AlarmSeverity.Warning);
        await using var center = await AcdSipCenter.StartAsync(service,
            [AcdSipCenter.Agent("a-rona", "3001", "sales"), AcdSipCenter.Agent("b-ana", "3002", "sales"), AcdSipCenter.Agent("c-bia", "3003", "sales")],
            [queueAlarm]);
        var ringing = await center.PhoneAsync("3001", "acd_agent_never_answers_uas.xml", calls: 1);
        var ana = await center.PhoneAsync("3002", "acd_agent_manual_uas.xml", calls: 1);
        var bia = await center.PhoneAsync("3003", "acd_agent_manual_uas.xml", calls: 1);
        // Longest idle: the order of login is the order of idleness.
        await center.LoginAsync("a-rona");
        await center.LoginAsync("b-ana");
        await center.LoginAsync("c-bia");

        // Call 1: offered to a-rona, whose phone rings until the offer times out; then b-ana picks up.
        await center.CallAndHangUpAsync(TimeSpan.FromSeconds(OfferTimeoutSeconds + 2.5));
        var rona = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionRejected, r => r.AgentId == "a-rona", AcdSipCenter.Wait);
        Assert.Equal("no_answer", rona.Reason);
        var call1 = rona.InteractionId;
        var first = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, a => a.InteractionId == call1, AcdSipCenter.Wait);
        Assert.Equal("b-ana", first.AgentId);
        Assert.True(first.WaitSeconds > OfferTimeoutSeconds, $"call 1 waited {first.WaitSeconds} s");
        var ronaState = await center.Events.WaitForAsync<AgentStateChanged>(AcdEventTypes.AgentStateChanged,
            s => s.AgentId == "a-rona" && s.From == "offered", AcdSipCenter.Wait);
        Assert.Equal("rona", ronaState.To);
        Assert.Equal("rona", ronaState.PauseReason);
        Assert.InRange(ronaState.PreviousDurationSeconds, OfferTimeoutSeconds - 0.01, OfferTimeoutSeconds + 1);
        var ringingResult = await ringing.WaitForExitAsync(AcdSipCenter.Wait);
        Assert.True(ringingResult.Succeeded, "the never-answering phone was cancelled: " + ringingResult.Describe());
        // b-ana's call ended: classification (the service has a classification time), not yet available.
        await center.Events.WaitForAsync<ClassificationEvent>(AcdEventTypes.ClassificationRequired, c => c.InteractionId == call1 && c.AgentId == "b-ana", AcdSipCenter.Wait);
        Assert.Equal("classification", (await center.AgentStatisticsAsync("b-ana")).State);

        // Call 2: a-rona is paused by RONA, b-ana is classifying: c-bia answers at once.
        await center.CallAndHangUpAsync(TimeSpan.FromSeconds(1.5));
        var second = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, a => a.InteractionId != call1, AcdSipCenter.Wait);
        var call2 = second.InteractionId;
        Assert.Equal("c-bia", second.AgentId);
        Assert.True(second.WaitSeconds <= ServiceLevelSeconds, $"call 2 waited {second.WaitSeconds} s");
        await center.Events.WaitForAsync<ClassificationEvent>(AcdEventTypes.ClassificationRequired, c => c.InteractionId == call2, AcdSipCenter.Wait);
        foreach (var phone in new[] { ana, bia })
        {
            var result = await phone.WaitForExitAsync(AcdSipCenter.Wait);
            Assert.True(result.Succeeded, "manual-mode phones ring without auto-answer headers and answer: " + result.Describe());
        }

        // Call 3: nobody is free (RONA, classification, classification): it waits, the queue alarm is raised, the caller gives up.
        var caller3 = center.Call(TimeSpan.FromSeconds(4));
        var queued3 = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionQueued, q => q.InteractionId != call1 && q.InteractionId != call2, AcdSipCenter.Wait);
        var call3 = queued3.InteractionId;
        var raised = await center.Events.WaitForAsync<Alarm>(AcdEventTypes.AlarmRaised, a => a.RuleId == "sales-waiting", AcdSipCenter.Wait);
        Assert.Equal("sales", raised.SubjectId);
        Assert.Equal(1, raised.Value);
        var caller3Result = await caller3.WaitForExitAsync(AcdSipCenter.Wait);
        Assert.True(caller3Result.Succeeded, caller3Result.Describe());
        var abandoned = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAbandoned, a => a.InteractionId == call3, AcdSipCenter.Wait);
        Assert.Null(abandoned.AgentId);
        var cleared = await center.Events.WaitForAsync<Alarm>(AcdEventTypes.AlarmCleared, a => a.Id == raised.Id, AcdSipCenter.Wait);
        Assert.Equal(0, cleared.ClearValue);
        Assert.DoesNotContain(await center.Acd.RunAsync(e => e.ActiveAlarms.Keys.ToList()), id => id == raised.Id);

        // Wrap-up: b-ana classifies (post-call follows, then available); c-bia returns early (recorded unclassified).
        await center.RunAsync(e => e.Classify("b-ana", call1, "resolved"));
        var done1 = await center.Events.WaitForAsync<ClassificationEvent>(AcdEventTypes.ClassificationDone, c => c.InteractionId == call1, AcdSipCenter.Wait);
        Assert.Equal("resolved", done1.Disposition);
        var postCall = await center.Events.WaitForAsync<AgentStateChanged>(AcdEventTypes.AgentStateChanged,
            s => s.AgentId == "b-ana" && s.From == "classification", AcdSipCenter.Wait);
        Assert.Equal("post_call", postCall.To);
        var available = await center.Events.WaitForAsync<AgentStateChanged>(AcdEventTypes.AgentStateChanged,
            s => s.AgentId == "b-ana" && s.From == "post_call", AcdSipCenter.Wait);
        Assert.Equal("available", available.To);
        Assert.InRange(available.PreviousDurationSeconds, PostCallSeconds - 0.01, PostCallSeconds + 0.5);
        await center.RunAsync(e => e.Ready("c-bia"));
        var done2 = await center.Events.WaitForAsync<ClassificationEvent>(AcdEventTypes.ClassificationDone, c => c.InteractionId == call2, AcdSipCenter.Wait);
        Assert.Equal(Disposition.Unclassified, done2.Disposition);

        // The scripted figures, exactly.
        var statistics = await center.ServiceStatisticsAsync("sales");
        var today = statistics.Today;
        Assert.Equal(3, today.Offered);
        Assert.Equal(2, today.Answered);
        Assert.Equal(1, today.AnsweredWithinThreshold);
        Assert.Equal(1, today.Abandoned);
        Assert.Equal(0, today.Overflowed);
        Assert.Equal(2, today.Handled);
        Assert.Equal(33.33, today.ServiceLevel);
        Assert.Equal(0, statistics.Waiting);
        Assert.Equal(1, statistics.AgentsByState["rona"]);
        Assert.Equal(2, statistics.AgentsByState["available"]);
        var ronaAgent = await center.AgentStatisticsAsync("a-rona");
        Assert.Equal("rona", ronaAgent.State);
        Assert.Equal((1, 0, 1), (ronaAgent.Today.Offered, ronaAgent.Today.Handled, ronaAgent.Today.Ronas));
        foreach (var agent in new[] { "b-ana", "c-bia" })
        {
            var figures = (await center.AgentStatisticsAsync(agent)).Today;
            Assert.Equal((1, 1, 0), (figures.Offered, figures.Handled, figures.Ronas));
        }

        await center.AssertNoMediaLeftAsync();
        // The call engine's side: two offers for call 1 (3001 then 3002), CDRs answered by the picking agents, call 3 never answered.
        var offers = center.Events.Payloads<CallEventPayload>(CallEventTypes.Offered);
        Assert.Equal(["3001", "3002"], offers.Where(o => o.CallId == call1).Select(o => o.Party));
        Assert.Equal(3, center.Events.Payloads<CallEventPayload>(CallEventTypes.Queued).Count);
        var records = center.Server.Cdr.List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(3, records.Count);
        Assert.Equal("3002", records.Single(r => r.Id == call1).AnsweredBy);
        Assert.Equal("3003", records.Single(r => r.Id == call2).AnsweredBy);
        var abandonedRecord = records.Single(r => r.Id == call3);
        Assert.Null(abandonedRecord.AnsweredBy);
        Assert.Equal(HangupSide.Caller, abandonedRecord.HangupSide);
        Assert.Equal("sales", abandonedRecord.ServiceId);
    }
}
