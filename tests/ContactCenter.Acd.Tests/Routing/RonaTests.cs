using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

public sealed class RonaTests
{
    [Fact]
    public void An_offer_not_accepted_in_time_pauses_the_agent_as_rona_and_goes_to_the_next_agent()
    {
        var h = new EngineHarness(Build([Service("s", offerTimeoutSeconds: 15)], [Agent("sleepy", ["s"]), Agent("awake", ["s"])]));
        h.Engine.Login("sleepy");
        h.Advance(1);
        h.Engine.Login("awake");
        h.Arrive("i1", "s");
        Assert.Equal("sleepy", h.Delivery.LastOffer.AgentId);

        h.Advance(14.9);
        Assert.Equal(AgentState.Offered, h.StateOf("sleepy"));
        h.Advance(0.1);

        Assert.Equal(AgentState.Rona, h.StateOf("sleepy"));
        Assert.Equal("rona", h.Engine.Agents["sleepy"].PauseReason);
        Assert.Equal(("i1", "sleepy", WithdrawReason.NoAnswer), h.Delivery.Withdrawals.Single());
        Assert.Equal("awake", h.Delivery.LastOffer.AgentId);
        var rejected = h.Bus.Payloads<InteractionEvent>(AcdEventTypes.InteractionRejected).Single();
        Assert.Equal("no_answer", rejected.Reason);
        Assert.Equal(1, h.Engine.GetAgentStatistics("sleepy")!.Today.Ronas);

        // The RONA'd agent gets nothing until it makes itself available again.
        h.Engine.Accept("i1", "awake");
        h.Arrive("i2", "s");
        Assert.Equal(1, h.Engine.WaitingCount);
        Assert.True(h.Engine.Ready("sleepy").IsSuccess);
        Assert.Equal(("i2", "sleepy"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
    }

    [Fact]
    public void A_late_timer_for_an_answered_offer_does_nothing()
    {
        var h = new EngineHarness(Build([Service("s", offerTimeoutSeconds: 10)], [Agent("a", ["s"])]));
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        h.Advance(9);
        h.Engine.Accept("i1", "a");
        h.Advance(5);
        Assert.Equal(AgentState.Busy, h.StateOf("a"));
        Assert.Empty(h.Delivery.Withdrawals);
    }

    [Fact]
    public void No_answer_reported_by_the_channel_is_rona_too_and_a_stale_report_is_refused()
    {
        var h = new EngineHarness(Build([Service("s")], [Agent("a", ["s"])]));
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        Assert.True(h.Engine.NoAnswer("i1", "a").IsSuccess);
        Assert.Empty(h.Delivery.Withdrawals); // the channel already knows
        Assert.Equal(AgentState.Rona, h.StateOf("a"));
        Assert.Equal(AcdErrors.NoPendingOfferCode, h.Engine.Accept("i1", "a").Error!.Code);
        Assert.Equal(1, h.Engine.WaitingCount);
    }

    [Fact]
    public void Customer_abandoning_while_ringing_withdraws_the_offer_without_rona()
    {
        var h = new EngineHarness(Build([Service("s")], [Agent("a", ["s"])]));
        h.Engine.Login("a");
        h.Arrive("i1", "s");
        h.Advance(3);
        Assert.True(h.Engine.Abandon("i1").IsSuccess);
        Assert.Equal(("i1", "a", WithdrawReason.CustomerAbandoned), h.Delivery.Withdrawals.Single());
        Assert.Equal(AgentState.Available, h.StateOf("a"));
        Assert.Equal(1, h.Engine.GetServiceStatistics("s")!.Today.Abandoned);
        h.Advance(60);
        Assert.Equal(AgentState.Available, h.StateOf("a"));
    }
}
