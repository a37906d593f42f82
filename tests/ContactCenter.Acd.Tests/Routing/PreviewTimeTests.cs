using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

/// <summary>ACD-02 preview expected time: how long a manual offer may wait for the agent before it is re-routed (0 = not controlled).</summary>
public sealed class PreviewTimeTests
{
    [Fact]
    public void A_manual_offer_past_the_preview_time_goes_to_the_next_agent_without_pausing_the_first()
    {
        var h = new EngineHarness(Build([Service("s", offerTimeoutSeconds: 20, previewSeconds: 5)], [Agent("slow", ["s"]), Agent("next", ["s"])]));
        h.LoginAll("slow");
        h.Advance(1);
        h.LoginAll("next");
        h.Arrive("i1", "s");
        Assert.Equal("slow", h.Delivery.LastOffer.AgentId);

        h.Advance(4.9);
        Assert.Empty(h.Delivery.Withdrawals);
        h.Advance(0.1);

        Assert.Equal(("i1", "slow", WithdrawReason.PreviewTimeout), h.Delivery.Withdrawals.Single());
        Assert.Equal("preview_timeout", h.Bus.Payloads<InteractionEvent>(AcdEventTypes.InteractionRejected).Single().Reason);
        Assert.Equal(AgentState.Available, h.StateOf("slow"));
        Assert.Equal(("i1", "next"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
        // The first offer's RONA timer is stale now: nobody is paused at 20 s.
        h.Advance(20);
        Assert.Equal(AgentState.Available, h.StateOf("slow"));
        Assert.Equal(0, h.Engine.GetAgentStatistics("slow")!.Today.Ronas);
        Assert.Equal(AgentState.Available, h.StateOf("next")); // the second offer ran out its own preview in turn
        Assert.Equal(2, h.Delivery.Withdrawals.Count);
    }

    [Fact]
    public void Zero_preview_time_is_not_controlled_and_the_offer_timeout_rules_as_before()
    {
        var h = new EngineHarness(Build([Service("s", offerTimeoutSeconds: 20, previewSeconds: 0)], [Agent("a", ["s"])]));
        h.LoginAll("a");
        h.Arrive("i1", "s");

        h.Advance(19);
        Assert.Equal(AgentState.Offered, h.StateOf("a"));
        h.Advance(1);
        Assert.Equal(AgentState.Rona, h.StateOf("a"));
        Assert.Equal(WithdrawReason.NoAnswer, h.Delivery.Withdrawals.Single().Reason);
    }

    [Fact]
    public void An_automatic_offer_needs_no_agent_action_so_the_preview_time_does_not_apply()
    {
        var h = new EngineHarness(Build([Service("s", offerTimeoutSeconds: 20, previewSeconds: 5, answerMode: AnswerMode.Automatic)], [Agent("a", ["s"])]));
        h.LoginAll("a");
        h.Arrive("i1", "s");

        h.Advance(10);

        Assert.Equal(AgentState.Offered, h.StateOf("a"));
        Assert.Empty(h.Delivery.Withdrawals);
    }

    [Fact]
    public void A_preview_timer_of_an_accepted_offer_does_nothing()
    {
        var h = new EngineHarness(Build([Service("s", previewSeconds: 5)], [Agent("a", ["s"])]));
        h.LoginAll("a");
        h.Arrive("i1", "s");
        h.Advance(3);
        Assert.True(h.Engine.Accept("i1", "a").IsSuccess);

        h.Advance(5);

        Assert.Equal(AgentState.Busy, h.StateOf("a"));
        Assert.Empty(h.Delivery.Withdrawals);
    }
}
