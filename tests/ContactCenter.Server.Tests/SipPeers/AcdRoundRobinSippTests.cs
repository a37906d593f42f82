using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using CallEventPayload = ContactCenter.Telephony.Calls.CallEventPayload;
using CallEventTypes = ContactCenter.Telephony.Calls.CallEventTypes;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The ACD end to end with real SIP, automatic answer mode: a sipp trunk calls the service's DID six times in a row;
/// three agents' phones (sipp UASes that fail the call unless the INVITE asks for auto-answer) take them in round
/// robin order, each going through busy → post-call → available between its calls.
/// </summary>
public sealed class AcdRoundRobinSippTests
{
    [Fact]
    public async Task Six_trunk_calls_go_round_robin_to_three_auto_answered_agents_and_the_statistics_count_them()
    {
        PeerAvailability.RequireSipp();
        const int PostCallSeconds = 1;
        string[] agents = ["ana", "bruno", "carla"];
        var service = AcdSipCenter.Service("rr", RoutingStrategy.RoundRobin, AnswerMode.Automatic, offerTimeoutSeconds: 10,
            classificationSeconds: 0, postCallSeconds: PostCallSeconds, serviceLevelSeconds: 10);
        await using var center = await AcdSipCenter.StartAsync(service, [
            AcdSipCenter.Agent("ana", "3001", "rr"), AcdSipCenter.Agent("bruno", "3002", "rr"), AcdSipCenter.Agent("carla", "3003", "rr")]);
        var phones = new Dictionary<string, SippProcess>
        {
            ["ana"] = await center.PhoneAsync("3001", "acd_agent_autoanswer_uas.xml", calls: 2),
            ["bruno"] = await center.PhoneAsync("3002", "acd_agent_autoanswer_uas.xml", calls: 2),
            ["carla"] = await center.PhoneAsync("3003", "acd_agent_autoanswer_uas.xml", calls: 2),
        };
        // Round robin follows the order agents joined the service.
        foreach (var agent in agents) await center.LoginAsync(agent);

        for (int i = 0; i < 6; i++)
        {
            await center.CallAndHangUpAsync(TimeSpan.FromMilliseconds(800));
            // The agent is back before the next call (post-call is 1 s; the rotation comes back to it two calls later).
            int ended = i + 1;
            await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionEnded,
                _ => center.Events.Payloads<InteractionEvent>(AcdEventTypes.InteractionEnded).Count >= ended, AcdSipCenter.Wait);
        }

        // Every phone took its two calls, and each INVITE carried the auto-answer headers (the UAS checks them).
        foreach (var (agent, phone) in phones)
        {
            var result = await phone.WaitForExitAsync(AcdSipCenter.Wait);
            Assert.True(result.Succeeded, $"{agent}: {result.Describe()}");
        }

        var accepted = center.Events.Payloads<InteractionEvent>(AcdEventTypes.InteractionAccepted);
        Assert.Equal(["ana", "bruno", "carla", "ana", "bruno", "carla"], accepted.Select(a => a.AgentId));
        Assert.Empty(center.Events.Payloads<InteractionEvent>(AcdEventTypes.InteractionRejected));
        // Each offer was one call.offered to the agent's extension, and the interaction is the call.
        var offers = center.Events.Payloads<CallEventPayload>(CallEventTypes.Offered);
        Assert.Equal(["3001", "3002", "3003", "3001", "3002", "3003"], offers.Select(o => o.Party));
        Assert.Equal(accepted.Select(a => a.CallId), offers.Select(o => o.CallId));

        // After each call the agent went to post-call for the service's time, then back to available.
        foreach (var interaction in accepted)
        {
            var agent = interaction.AgentId!;
            var postCall = await center.Events.WaitForAsync<AgentStateChanged>(AcdEventTypes.AgentStateChanged,
                s => s.AgentId == agent && s.InteractionId == interaction.InteractionId && s.From == "busy", AcdSipCenter.Wait);
            Assert.Equal("post_call", postCall.To);
            var back = await center.Events.WaitForAsync<AgentStateChanged>(AcdEventTypes.AgentStateChanged,
                s => s.AgentId == agent && s.From == "post_call" && s.PreviousSince == postCall.At, AcdSipCenter.Wait);
            Assert.Equal("available", back.To);
            // The deadline is set a fraction of a millisecond before the state change is stamped (two clock reads in one command).
            Assert.InRange(back.PreviousDurationSeconds, PostCallSeconds - 0.01, PostCallSeconds + 0.5);
        }

        var statistics = await center.ServiceStatisticsAsync("rr");
        var today = statistics.Today;
        Assert.Equal(6, today.Offered);
        Assert.Equal(6, today.Answered);
        Assert.Equal(6, today.AnsweredWithinThreshold);
        Assert.Equal(0, today.Abandoned);
        Assert.Equal(6, today.Handled);
        Assert.Equal(100, today.ServiceLevel);
        Assert.Equal(0, statistics.Waiting);
        foreach (var agent in agents)
        {
            var figures = (await center.AgentStatisticsAsync(agent)).Today;
            Assert.Equal(2, figures.Offered);
            Assert.Equal(2, figures.Handled);
            Assert.Equal(0, figures.Ronas);
        }

        await center.AssertNoMediaLeftAsync();
        // The CDR of each call: inbound on the trunk to the DID, queued in the service, answered by the agent's extension.
        var records = center.Server.Cdr.List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(6, records.Count);
        foreach (var interaction in accepted)
        {
            var record = Assert.Single(records, r => r.Id == interaction.CallId);
            Assert.Equal(CallDirection.Inbound, record.Direction);
            Assert.Equal(AcdSipCenter.Did, record.Did);
            Assert.Equal("rr", record.ServiceId);
            Assert.Equal(interaction.AgentId switch { "ana" => "3001", "bruno" => "3002", _ => "3003" }, record.AnsweredBy);
            Assert.Equal(HangupSide.Caller, record.HangupSide);
        }
    }
}
