using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.TestPeers;
using CallEventPayload = ContactCenter.Telephony.Calls.CallEventPayload;
using CallEventTypes = ContactCenter.Telephony.Calls.CallEventTypes;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The ACD end to end with a real softphone: the first agent's phone (sipp) declines with 486, which is a reject — the
/// agent stays available, no RONA — and the call goes to the next agent, a baresip that auto-answers, with audio from
/// the softphone flowing through our media engine until the caller hangs up.
/// </summary>
public sealed class AcdDeclineToBaresipTests
{
    [Fact]
    public async Task A_declined_offer_goes_to_the_next_agent_whose_baresip_answers_with_media_and_the_decliner_stays_available()
    {
        PeerAvailability.RequireSipp();
        PeerAvailability.RequireBaresip();
        var service = AcdSipCenter.Service("help", RoutingStrategy.LongestIdle, AnswerMode.Automatic, offerTimeoutSeconds: 10,
            classificationSeconds: 0, postCallSeconds: 0, serviceLevelSeconds: 10);
        await using var center = await AcdSipCenter.StartAsync(service,
            [AcdSipCenter.Agent("a-busy", "3001", "help"), AcdSipCenter.Agent("b-soft", "3002", "help")]);
        var busy = await center.PhoneAsync("3001", "acd_agent_busy_uas.xml", calls: 1);
        await using var softphone = await Phones.RegisteredAsync(center.Server, "3002", BaresipAnswerMode.Auto);
        await center.LoginAsync("a-busy");
        await center.LoginAsync("b-soft");

        var before = softphone.Control.LastEventSequence;
        var caller = center.Call(TimeSpan.FromSeconds(4));
        var rejected = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionRejected, _ => true, AcdSipCenter.Wait);
        Assert.Equal("a-busy", rejected.AgentId);
        Assert.Equal("rejected", rejected.Reason);
        var accepted = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, _ => true, AcdSipCenter.Wait);
        Assert.Equal("b-soft", accepted.AgentId);
        Assert.Equal(rejected.InteractionId, accepted.InteractionId);
        var established = await softphone.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, AcdSipCenter.Wait, before);

        // The softphone's tone reaches the engine's agent leg while caller and agent are bridged.
        var call = center.Server.Calls.FindCall(accepted.InteractionId);
        Assert.NotNull(call);
        Assert.Equal("b-soft", call.Agent);
        var deadline = DateTime.UtcNow + AcdSipCenter.Wait;
        while ((call.CalleeMedia?.GetQualityReport().Inbound.Packets ?? 0) <= 25)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("no RTP from the agent's softphone through the engine");
            await Task.Delay(50);
        }

        var callerResult = await caller.WaitForExitAsync(AcdSipCenter.Wait);
        Assert.True(callerResult.Succeeded, callerResult.Describe());
        await softphone.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == established.CallId, AcdSipCenter.Wait, established.Sequence);
        var busyResult = await busy.WaitForExitAsync(AcdSipCenter.Wait);
        Assert.True(busyResult.Succeeded, busyResult.Describe());
        await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionEnded, e => e.InteractionId == accepted.InteractionId, AcdSipCenter.Wait);

        await center.AssertNoMediaLeftAsync();
        // A decline is not RONA: the agent went back to available at once.
        var decliner = await center.AgentStatisticsAsync("a-busy");
        Assert.Equal("available", decliner.State);
        Assert.Equal((1, 1, 0, 0), (decliner.Today.Offered, decliner.Today.Rejected, decliner.Today.Ronas, decliner.Today.Handled));
        Assert.Contains(center.Events.Payloads<AgentStateChanged>(AcdEventTypes.AgentStateChanged),
            s => s.AgentId == "a-busy" && s.From == "offered" && s.To == "available");
        var today = (await center.ServiceStatisticsAsync("help")).Today;
        Assert.Equal((1, 1, 0, 1), (today.Offered, today.Answered, today.Abandoned, today.Handled));
        Assert.Equal(["3001", "3002"], center.Events.Payloads<CallEventPayload>(CallEventTypes.Offered).Select(o => o.Party));
        var record = center.Server.Cdr.Find(accepted.InteractionId);
        Assert.NotNull(record);
        Assert.Equal("3002", record.AnsweredBy);
        Assert.Contains(record.Legs, leg => leg.PacketsReceived > 0);
    }
}
