using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

public sealed class RoutingStrategyTests
{
    /// <summary>Handles one interaction end to end with the agent it was offered to.</summary>
    private static string Handle(EngineHarness h, string id, string service = "s")
    {
        h.Arrive(id, service);
        var agent = h.Delivery.LastOffer.AgentId;
        Assert.Equal(id, h.Delivery.LastOffer.InteractionId);
        Assert.True(h.Engine.Accept(id, agent).IsSuccess);
        h.Advance(1);
        Assert.True(h.Engine.End(id).IsSuccess);
        h.Advance(1);
        return agent;
    }

    [Fact]
    public void Longest_idle_offers_to_the_agent_free_the_longest()
    {
        var h = new EngineHarness(Build([Service("s")], [Agent("a", ["s"]), Agent("b", ["s"]), Agent("c", ["s"])]));
        h.Engine.Login("b");
        h.Advance(1);
        h.Engine.Login("c");
        h.Advance(1);
        h.Engine.Login("a");
        h.Advance(1);
        Assert.Equal(["b", "c", "a", "b", "c", "a"], Enumerable.Range(1, 6).Select(i => Handle(h, $"i{i}")));
    }

    [Fact]
    public void Best_skill_prefers_the_highest_level_and_skips_agents_below_the_profile()
    {
        var service = Service("s", strategy: RoutingStrategy.BestSkill, profile: [new SkillRequirement("sales", 30)]);
        var h = new EngineHarness(Build([service],
        [
            Agent("low", ["s"], null, ("sales", 40)),
            Agent("high", ["s"], null, ("sales", 90)),
            Agent("unqualified", ["s"], null, ("sales", 10)),
        ]));
        h.LoginAll("low", "high", "unqualified");
        Assert.Empty(h.Engine.Agents["unqualified"].Services);

        h.Arrive("i1", "s");
        Assert.Equal("high", h.Delivery.LastOffer.AgentId);
        h.Arrive("i2", "s");
        Assert.Equal("low", h.Delivery.LastOffer.AgentId);
        h.Arrive("i3", "s");
        Assert.Equal(2, h.Delivery.Offers.Count);
        Assert.Equal(1, h.Engine.WaitingCount);
    }

    [Fact]
    public void Round_robin_walks_the_members_in_order_regardless_of_idle_time()
    {
        var h = new EngineHarness(Build([Service("s", strategy: RoutingStrategy.RoundRobin)],
            [Agent("a", ["s"]), Agent("b", ["s"]), Agent("c", ["s"])]));
        h.LoginAll("a", "b", "c");
        Assert.Equal(["a", "b", "c", "a", "b", "c", "a"], Enumerable.Range(1, 7).Select(i => Handle(h, $"i{i}")));
    }

    [Fact]
    public void Fewest_handled_prefers_the_agent_with_the_fewest_interactions_today()
    {
        var h = new EngineHarness(Build([Service("s", strategy: RoutingStrategy.FewestHandled), Service("other")],
            [Agent("a", ["s", "other"]), Agent("b", ["s"])]));
        h.LoginAll("a", "b");
        // a handles two on another service, b one here: b has fewer today.
        h.Engine.Pause("b", "break");
        Handle(h, "o1", "other");
        Handle(h, "o2", "other");
        h.Engine.Ready("b");
        Assert.Equal("b", Handle(h, "i1"));
        Assert.Equal("b", Handle(h, "i2"));
        Assert.Equal("a", Handle(h, "i3"));
    }

    [Fact]
    public void Higher_priority_goes_first_but_aging_lets_an_old_low_priority_interaction_through()
    {
        var h = new EngineHarness(Build([Service("low", priority: 0), Service("high", priority: 2)], [Agent("a", ["low", "high"])]));
        h.Arrive("old-low", "low");
        h.Advance(30);
        h.Arrive("new-high", "high");
        h.Engine.Login("a");
        // 2 steps × 30 s = 60 s of aging for "high"; old-low waited 30 s only.
        Assert.Equal("new-high", h.Delivery.LastOffer.InteractionId);
        h.Engine.Reject("new-high", "a");
        Assert.Equal("old-low", h.Delivery.LastOffer.InteractionId);
        h.Engine.Reject("old-low", "a");

        var h2 = new EngineHarness(Build([Service("low", priority: 0), Service("high", priority: 2)], [Agent("a", ["low", "high"])]));
        h2.Arrive("old-low", "low");
        h2.Advance(90);
        h2.Arrive("new-high", "high");
        h2.Engine.Login("a");
        Assert.Equal("old-low", h2.Delivery.LastOffer.InteractionId);
    }

    [Fact]
    public void Within_a_service_the_oldest_waits_are_served_first()
    {
        var h = new EngineHarness(Build([Service("s")], [Agent("a", ["s"])]));
        foreach (var id in new[] { "i1", "i2", "i3" })
        {
            h.Arrive(id, "s");
            h.Advance(1);
        }
        h.Engine.Login("a");
        Assert.Equal("i1", h.Delivery.LastOffer.InteractionId);
        Assert.Equal(1, h.Bus.Payloads<Contracts.InteractionEvent>(Contracts.AcdEventTypes.InteractionQueued)[0].Position);
        Assert.Equal(3, h.Bus.Payloads<Contracts.InteractionEvent>(Contracts.AcdEventTypes.InteractionQueued)[2].Position);
    }

    [Fact]
    public void Rejecting_passes_the_interaction_to_the_next_agent_and_keeps_its_place()
    {
        var h = new EngineHarness(Build([Service("s")], [Agent("a", ["s"]), Agent("b", ["s"])]));
        h.Engine.Login("a");
        h.Advance(1);
        h.Engine.Login("b");
        h.Arrive("i1", "s");
        Assert.Equal("a", h.Delivery.LastOffer.AgentId);
        Assert.True(h.Engine.Reject("i1", "a", fromChannel: false).IsSuccess);
        Assert.Equal(("i1", "a", ContactCenter.Acd.Routing.WithdrawReason.Rejected), h.Delivery.Withdrawals.Single());
        Assert.Equal("b", h.Delivery.LastOffer.AgentId);
        Assert.Equal(ContactCenter.Acd.Agents.AgentState.Available, h.StateOf("a"));
        h.Engine.Reject("i1", "b");
        // Both declined it: it waits for someone else rather than ringing them again.
        Assert.Equal(2, h.Delivery.Offers.Count);
        Assert.Equal(1, h.Engine.WaitingCount);
    }

    [Fact]
    public void Queue_full_refuses_and_max_wait_overflows_to_the_target()
    {
        var h = new EngineHarness(Build(
            [Service("s", maxQueueLength: 2, maxWaitSeconds: 60, overflow: "backup"), Service("backup")],
            [Agent("backup-agent", ["backup"])]));
        h.Arrive("i1", "s");
        h.Arrive("i2", "s");
        Assert.Equal(AcdErrors.QueueFullCode, h.Engine.Enqueue(new("i3", "s", MediaType.Voice)).Error!.Code);
        h.Advance(59);
        Assert.Equal(2, h.Engine.GetServiceStatistics("s")!.Waiting);
        h.Advance(1);
        Assert.Equal(0, h.Engine.GetServiceStatistics("s")!.Waiting);
        Assert.Equal(2, h.Engine.GetServiceStatistics("backup")!.Waiting);
        Assert.Equal(2, h.Engine.GetServiceStatistics("s")!.Today.Overflowed);
        Assert.Equal(2, h.Bus.OfType(Contracts.AcdEventTypes.InteractionOverflowed).Count);
        h.Engine.Login("backup-agent");
        Assert.Equal("i1", h.Delivery.LastOffer.InteractionId);
        Assert.Equal("backup", h.Delivery.LastOffer.ServiceId);
    }

    [Fact]
    public void Max_wait_without_target_releases_to_the_channel()
    {
        var h = new EngineHarness(Build([Service("s", maxWaitSeconds: 30)], []));
        h.Arrive("i1", "s");
        h.Advance(30);
        Assert.Equal(("i1", ContactCenter.Acd.Routing.ReleaseReason.MaxWaitWithoutOverflow), h.Delivery.Releases.Single());
        Assert.Empty(h.Engine.Interactions);
    }

    [Fact]
    public void Digital_capacity_allows_several_chats_and_pending_work_frees_a_slot()
    {
        var h = new EngineHarness(Build([Service("chat", MediaType.Chat)], [Agent("a", ["chat"], new MediaCapacity(Voice: 1, Chat: 2))]));
        h.Engine.Login("a");
        for (int i = 1; i <= 3; i++) h.Arrive($"c{i}", "chat", MediaType.Chat);
        Assert.Equal(2, h.Delivery.Offers.Count);
        h.Engine.Accept("c1", "a");
        h.Engine.Accept("c2", "a");
        Assert.True(h.Engine.SetPending("c1", true).IsSuccess);
        Assert.Equal("c3", h.Delivery.LastOffer.InteractionId);
        h.Engine.Accept("c3", "a");
        // The customer of c1 replies while the agent is full: refused, it stays pending.
        Assert.Equal(AcdErrors.CapacityExceededCode, h.Engine.SetPending("c1", false).Error!.Code);
        h.Engine.End("c2");
        Assert.True(h.Engine.SetPending("c1", false).IsSuccess);
        Assert.Equal(2, h.Engine.Agents["a"].Load(MediaType.Chat));
    }

    [Fact]
    public void Automatic_mode_offers_with_the_answer_delay_and_manual_accept_tells_the_channel_to_connect()
    {
        var auto = Service("auto", answerMode: AnswerMode.Automatic) with { AnswerDelaySeconds = 2 };
        var h = new EngineHarness(Build([auto, Service("manual")], [Agent("a", ["auto", "manual"])]));
        h.Engine.Login("a");
        h.Arrive("i1", "auto");
        Assert.Equal(AnswerMode.Automatic, h.Delivery.LastOffer.AnswerMode);
        Assert.Equal(TimeSpan.FromSeconds(2), h.Delivery.LastOffer.AnswerDelay);
        Assert.Equal(TimeSpan.FromSeconds(22), h.Delivery.LastOffer.Timeout);
        h.Engine.Accept("i1", "a");
        h.Engine.End("i1");
        h.Arrive("i2", "manual");
        Assert.True(h.Engine.Accept("i2", "a", fromChannel: false).IsSuccess);
        Assert.Equal(("i2", "a"), h.Delivery.Connects.Single());
    }
}
