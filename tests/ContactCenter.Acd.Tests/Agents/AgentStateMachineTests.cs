using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Agents;

public sealed class AgentStateMachineTests
{
    private static EngineHarness Harness(int classification = 0, int postCall = 0) => new(Build(
        [Service("sales", classificationSeconds: classification, postCallSeconds: postCall)],
        [Agent("ana", ["sales"]), Agent("bruno", ["sales"])]));

    [Fact]
    public void Login_pause_ready_logout_walk_the_documented_states_with_events()
    {
        var h = Harness();
        Assert.Equal("logged_out", h.Engine.GetAgentStatistics("ana")!.State);

        Assert.True(h.Engine.Login("ana").IsSuccess);
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        h.Advance(5);
        Assert.True(h.Engine.Pause("ana", "lunch").IsSuccess);
        Assert.Equal(AgentState.Paused, h.StateOf("ana"));
        Assert.Equal("lunch", h.Engine.Agents["ana"].PauseReason);
        Assert.True(h.Engine.Pause("ana", "break").IsSuccess);
        Assert.True(h.Engine.Ready("ana").IsSuccess);
        Assert.True(h.Engine.Logout("ana").IsSuccess);
        Assert.Equal(AgentState.LoggedOut, h.StateOf("ana"));

        var transitions = h.Bus.Payloads<AgentStateChanged>(AcdEventTypes.AgentStateChanged).Where(t => t.AgentId == "ana").ToList();
        Assert.Equal(
            [("logged_out", "available"), ("available", "paused"), ("paused", "paused"), ("paused", "available"), ("available", "logged_out")],
            transitions.Select(t => (t.From, t.To)));
        Assert.Equal(5, transitions[1].PreviousDurationSeconds);
        Assert.Equal(["lunch", "break"], transitions.Where(t => t.To == "paused").Select(t => t.PauseReason));
        Assert.Single(h.Bus.OfType(AcdEventTypes.AgentLoggedIn));
        Assert.Single(h.Bus.OfType(AcdEventTypes.AgentLoggedOut));
        Assert.All(h.Bus.OfType(AcdEventTypes.AgentStateChanged), e => Assert.Equal("ana", e.AgentId));
    }

    [Fact]
    public void Offered_busy_classification_post_call_available_is_the_life_of_an_interaction()
    {
        var h = Harness(classification: 10, postCall: 30);
        h.LoginAll("ana");
        h.Arrive("i1", "sales");
        Assert.Equal(AgentState.Offered, h.StateOf("ana"));
        Assert.True(h.Engine.Accept("i1", "ana").IsSuccess);
        Assert.Equal(AgentState.Busy, h.StateOf("ana"));
        h.Advance(60);
        Assert.True(h.Engine.End("i1").IsSuccess);
        Assert.Equal(AgentState.Classification, h.StateOf("ana"));
        Assert.True(h.Engine.Classify("ana", "i1", "sale").IsSuccess);
        Assert.Equal(AgentState.PostCall, h.StateOf("ana"));
        h.Advance(29);
        Assert.Equal(AgentState.PostCall, h.StateOf("ana"));
        h.Advance(1);
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
    }

    [Fact]
    public void Agent_may_return_to_available_early_from_post_call()
    {
        var h = Harness(postCall: 120);
        h.LoginAll("ana");
        h.Arrive("i1", "sales");
        h.Engine.Accept("i1", "ana");
        h.Engine.End("i1");
        Assert.Equal(AgentState.PostCall, h.StateOf("ana"));
        h.Advance(10);
        Assert.True(h.Engine.Ready("ana").IsSuccess);
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        Assert.Equal(10, h.Engine.GetAgentStatistics("ana")!.Today.WrapSeconds);
    }

    [Fact]
    public void Zero_service_times_skip_classification_and_post_call()
    {
        var h = Harness();
        h.LoginAll("ana");
        h.Arrive("i1", "sales");
        h.Engine.Accept("i1", "ana");
        h.Engine.End("i1");
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        Assert.Empty(h.Bus.OfType(AcdEventTypes.ClassificationRequired));
    }

    [Fact]
    public void Pause_asked_while_busy_holds_new_work_and_applies_when_the_call_ends()
    {
        var h = Harness();
        h.LoginAll("ana", "bruno");
        h.Arrive("i1", "sales");
        var first = h.Delivery.LastOffer.AgentId;
        h.Engine.Accept("i1", first);
        Assert.True(h.Engine.Pause(first, "break").IsSuccess);
        Assert.Equal(AgentState.Busy, h.StateOf(first));
        h.Engine.End("i1");
        Assert.Equal(AgentState.Paused, h.StateOf(first));
        h.Arrive("i2", "sales");
        Assert.NotEqual(first, h.Delivery.LastOffer.AgentId);
    }

    [Theory]
    [InlineData("pause_logged_out")]
    [InlineData("ready_logged_out")]
    [InlineData("logout_logged_out")]
    [InlineData("login_twice")]
    [InlineData("logout_while_offered")]
    [InlineData("logout_while_busy")]
    [InlineData("classify_while_busy")]
    [InlineData("accept_without_offer")]
    public void Illegal_transitions_are_refused_with_a_typed_error_and_change_nothing(string scenario)
    {
        var h = Harness(classification: 30);
        if (scenario is not ("pause_logged_out" or "ready_logged_out" or "logout_logged_out")) h.LoginAll("ana");
        if (scenario is "logout_while_offered" or "logout_while_busy" or "classify_while_busy") h.Arrive("i1", "sales");
        if (scenario is "logout_while_busy" or "classify_while_busy") h.Engine.Accept("i1", "ana");
        var before = h.StateOf("ana");
        int eventsBefore = h.Bus.Events.Count;

        var result = scenario switch
        {
            "pause_logged_out" => h.Engine.Pause("ana", "break"),
            "ready_logged_out" => h.Engine.Ready("ana"),
            "logout_logged_out" => h.Engine.Logout("ana"),
            "login_twice" => new AcdResult(h.Engine.Login("ana").Error),
            "logout_while_offered" or "logout_while_busy" => h.Engine.Logout("ana"),
            "classify_while_busy" => h.Engine.Classify("ana", "i1", "sale"),
            _ => h.Engine.Accept("nothing", "ana"),
        };

        Assert.False(result.IsSuccess);
        var expected = scenario switch
        {
            "classify_while_busy" => AcdErrors.NotInClassificationCode,
            "accept_without_offer" => AcdErrors.InteractionNotFoundCode,
            _ => AcdErrors.InvalidStateTransitionCode,
        };
        Assert.Equal(expected, result.Error.Code);
        Assert.Equal(before, h.StateOf("ana"));
        Assert.Equal(eventsBefore, h.Bus.Events.Count);
    }

    [Fact]
    public void Unknown_agent_and_unknown_pause_reason_are_named()
    {
        var h = Harness();
        Assert.Equal(AcdErrors.AgentNotFoundCode, h.Engine.Login("nobody").Error!.Code);
        Assert.Equal(AcdErrors.AgentNotFoundCode, h.Engine.Pause("nobody", "break").Error!.Code);
        h.LoginAll("ana");
        Assert.Equal(AcdErrors.UnknownPauseReasonCode, h.Engine.Pause("ana", "nap").Error!.Code);
        Assert.Equal(AcdErrors.UnknownPauseReasonCode, h.Engine.Pause("ana", "rona").Error!.Code);
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
    }

    [Fact]
    public void A_second_interaction_is_not_offered_to_an_agent_in_classification()
    {
        var h = Harness(classification: 30);
        h.LoginAll("ana");
        h.Arrive("i1", "sales");
        h.Engine.Accept("i1", "ana");
        h.Engine.End("i1");
        h.Arrive("i2", "sales");
        Assert.Single(h.Delivery.Offers);
        h.Engine.Classify("ana", "i1", "no_sale");
        Assert.Equal(2, h.Delivery.Offers.Count);
        Assert.Equal("i2", h.Delivery.LastOffer.InteractionId);
    }
}
