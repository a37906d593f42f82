using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The caller hangs up while the offer is still ringing at the agent (manual mode): the agent's phone must be
/// cancelled (not left ringing for a call that is gone), the abandon counted, and the agent back to available — an
/// abandon is not the agent's fault, so no RONA.
/// </summary>
public sealed class AcdAbandonWhileRingingTests
{
    [Fact]
    public async Task A_caller_hanging_up_during_the_offer_cancels_the_agents_phone_counts_an_abandon_and_leaves_the_agent_available()
    {
        PeerAvailability.RequireSipp();
        var service = AcdSipCenter.Service("care", RoutingStrategy.LongestIdle, AnswerMode.Manual, offerTimeoutSeconds: 30,
            classificationSeconds: 0, postCallSeconds: 0, serviceLevelSeconds: 10);
        await using var center = await AcdSipCenter.StartAsync(service, [AcdSipCenter.Agent("ana", "3001", "care")]);
        var phone = await center.PhoneAsync("3001", "acd_agent_never_answers_uas.xml", calls: 1);
        await center.LoginAsync("ana");

        await center.CallAndHangUpAsync(TimeSpan.FromSeconds(2));
        var abandoned = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAbandoned, _ => true, AcdSipCenter.Wait);
        Assert.Equal("ana", abandoned.AgentId);

        // The phone got CANCEL for its ringing INVITE (the scenario fails otherwise) well before the offer would time out.
        var ringing = await phone.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(ringing.Succeeded, ringing.Describe());

        await center.AssertNoMediaLeftAsync();
        var agent = await center.AgentStatisticsAsync("ana");
        Assert.Equal("available", agent.State);
        Assert.Equal((1, 0, 0), (agent.Today.Offered, agent.Today.Ronas, agent.Today.Handled));
        var today = (await center.ServiceStatisticsAsync("care")).Today;
        Assert.Equal((1, 0, 1), (today.Offered, today.Answered, today.Abandoned));
        Assert.Equal(0, today.ServiceLevel);
    }
}
