using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Transfers;

/// <summary>ACD-08: transfer or release to a service re-queues; transfer to an agent offers directly.</summary>
public sealed class TransferTests
{
    private static EngineHarness TwoServices(AgentPermissions? permissions = null, int targetMaxQueue = 0) => new(Build(
        [Service("sales", permissions: permissions), Service("billing", maxQueueLength: targetMaxQueue)],
        [Agent("ana", ["sales"]), Agent("bia", ["billing"]), Agent("caio", ["sales", "billing"])]));

    /// <summary>i1 arrives first and is connected to ana; the test owns the rest.</summary>
    private static EngineHarness ConnectedToAna(AgentPermissions? permissions = null, int targetMaxQueue = 0)
    {
        var h = TwoServices(permissions, targetMaxQueue);
        h.LoginAll("ana");
        h.Arrive("i1", "sales");
        Assert.True(h.Engine.Accept("i1", "ana").IsSuccess);
        return h;
    }

    [Fact]
    public void A_connected_interaction_transferred_to_a_service_is_requeued_there_ahead_of_later_arrivals_and_the_agent_is_freed()
    {
        var h = ConnectedToAna();
        h.Advance(60);
        h.Arrive("later", "billing"); // queued after i1 first arrived
        h.Advance(5);

        Assert.True(h.Engine.TransferToService("i1", "billing").IsSuccess);

        var moved = h.Engine.Interactions["i1"];
        Assert.Equal("billing", moved.ServiceId);
        Assert.Equal(ContactCenter.Acd.Interactions.InteractionState.Queued, moved.State);
        // Its place in line dates from when it first queued; its wait in the new queue starts now.
        Assert.Equal(moved.ArrivedAt, moved.LineSince);
        Assert.Equal(h.Time.GetUtcNow(), moved.QueuedAt);
        Assert.Equal(("i1", "billing", "ana"), h.Delivery.Requeues.Single());
        var transferred = h.Bus.Payloads<InteractionEvent>(AcdEventTypes.InteractionTransferred).Single();
        Assert.Equal(("sales", "ana", "billing", "transferred"), (transferred.ServiceId, transferred.AgentId, transferred.TargetServiceId, transferred.Reason));
        var queued = h.Bus.Payloads<InteractionEvent>(AcdEventTypes.InteractionQueued).Last();
        Assert.Equal(("i1", "billing", "transfer", 1), (queued.InteractionId, queued.ServiceId, queued.Reason, queued.Position));
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        var anaToday = h.Engine.GetAgentStatistics("ana")!.Today;
        Assert.Equal((1, 65.0), (anaToday.Handled, anaToday.TalkSeconds));
        Assert.Equal(2, h.Engine.GetServiceStatistics("billing")!.Today.Offered);
        Assert.Equal(5, h.Engine.GetServiceStatistics("billing")!.LongestWaitSeconds); // 'later', not i1's 65 s since arrival

        // The first agent free for billing takes i1 before 'later'.
        h.LoginAll("bia");
        Assert.Equal(("i1", "bia"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
        Assert.Equal(["requeue i1 billing ana", "offer i1 bia"], h.Delivery.Log.Skip(1));
    }

    [Fact]
    public void A_release_to_its_own_service_goes_to_another_agent_never_back_to_the_one_who_released_it()
    {
        var h = ConnectedToAna();
        h.Advance(10);

        Assert.True(h.Engine.TransferToService("i1", "sales").IsSuccess);

        Assert.Equal("released", h.Bus.Payloads<InteractionEvent>(AcdEventTypes.InteractionTransferred).Single().Reason);
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        Assert.Single(h.Delivery.Offers); // ana is free, but it left i1: no offer back
        Assert.Equal(1, h.Engine.WaitingCount);
        h.LoginAll("caio");
        Assert.Equal(("i1", "caio"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
        // ana still takes new work.
        h.Arrive("i2", "sales");
        Assert.Equal(("i2", "ana"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
    }

    [Fact]
    public void A_transfer_to_an_agent_offers_it_to_that_agent_directly_even_when_another_has_waited_longer()
    {
        var h = ConnectedToAna();
        h.LoginAll("caio");
        h.Advance(1);
        h.LoginAll("bia"); // caio has been idle longer: the strategy would pick him

        Assert.True(h.Engine.TransferToAgent("i1", "bia").IsSuccess);

        Assert.Equal(("i1", "bia"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
        Assert.Equal(["requeue i1 sales ana", "offer i1 bia"], h.Delivery.Log.Skip(1));
        Assert.Equal(AgentState.Offered, h.StateOf("bia"));
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        var transferred = h.Bus.Payloads<InteractionEvent>(AcdEventTypes.InteractionTransferred).Single();
        Assert.Equal(("ana", "bia", (string?)null), (transferred.AgentId, transferred.TargetAgentId, transferred.TargetServiceId));

        // bia declines: it waits in its service for the next agent (caio), not back to ana who transferred it.
        Assert.True(h.Engine.Reject("i1", "bia").IsSuccess);
        Assert.Equal(("i1", "caio"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
    }

    [Fact]
    public void A_transfer_to_an_agent_who_is_not_free_is_refused_with_a_typed_error_and_changes_nothing()
    {
        var h = ConnectedToAna();
        h.LoginAll("caio");
        h.Arrive("i2", "sales");
        Assert.True(h.Engine.Accept("i2", "caio").IsSuccess); // caio busy
        var before = h.Bus.Events.Count;

        var loggedOut = h.Engine.TransferToAgent("i1", "bia");
        var busy = h.Engine.TransferToAgent("i1", "caio");
        Assert.True(h.Engine.Pause("caio", "break").IsSuccess);
        var unknown = h.Engine.TransferToAgent("i1", "zed");
        var self = h.Engine.TransferToAgent("i1", "ana");
        var noInteraction = h.Engine.TransferToAgent("nope", "bia");

        Assert.Equal((AcdErrors.AgentNotAvailableCode, AcdErrorKind.Conflict), (loggedOut.Error!.Code, loggedOut.Error.Kind));
        Assert.Contains("logged_out", loggedOut.Error.Message);
        Assert.Equal(AcdErrors.AgentNotAvailableCode, busy.Error!.Code);
        Assert.Contains("busy", busy.Error.Message);
        Assert.Equal(AcdErrors.AgentNotFoundCode, unknown.Error!.Code);
        Assert.Equal(AcdErrors.ValidationFailedCode, self.Error!.Code);
        Assert.Equal(AcdErrors.InteractionNotFoundCode, noInteraction.Error!.Code);
        // Only the pause's own state change happened; i1 is still with ana.
        Assert.All(h.Bus.Events.Skip(before), e => Assert.Equal(AcdEventTypes.AgentStateChanged, e.Type));
        Assert.Equal(AgentState.Busy, h.StateOf("ana"));
        Assert.Empty(h.Delivery.Requeues);
    }

    [Fact]
    public void A_service_without_the_transfer_permission_refuses_agents_but_not_supervisors()
    {
        var h = ConnectedToAna(new AgentPermissions(Transfer: false));
        h.LoginAll("bia");

        var byAgent = h.Engine.TransferToService("i1", "billing");
        var toAgent = h.Engine.TransferToAgent("i1", "bia");

        Assert.Equal((AcdErrors.PermissionDeniedCode, AcdErrorKind.Forbidden), (byAgent.Error!.Code, byAgent.Error.Kind));
        Assert.Equal(AcdErrors.PermissionDeniedCode, toAgent.Error!.Code);
        Assert.Equal(AgentState.Busy, h.StateOf("ana"));
        Assert.True(h.Engine.TransferToService("i1", "billing", byAgent: false).IsSuccess);
        Assert.Equal(("i1", "bia"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
    }

    [Fact]
    public void A_transfer_into_a_full_queue_or_of_the_wrong_media_is_refused()
    {
        var h = new EngineHarness(Build(
            [Service("sales"), Service("billing", maxQueueLength: 1), Service("mail", MediaType.Email)],
            [Agent("ana", ["sales"])]));
        h.LoginAll("ana");
        h.Arrive("i1", "sales");
        h.Engine.Accept("i1", "ana");
        h.Arrive("waiting", "billing");

        Assert.Equal(AcdErrors.QueueFullCode, h.Engine.TransferToService("i1", "billing").Error!.Code);
        Assert.Equal(AcdErrors.ValidationFailedCode, h.Engine.TransferToService("i1", "mail").Error!.Code);
        Assert.Equal(AcdErrors.ServiceNotFoundCode, h.Engine.TransferToService("i1", "nope").Error!.Code);
        Assert.Equal(AgentState.Busy, h.StateOf("ana"));
    }

    [Fact]
    public void An_offered_interaction_moved_by_a_supervisor_is_withdrawn_from_the_ringing_agent_first()
    {
        var h = TwoServices();
        h.LoginAll("ana");
        h.Arrive("i1", "sales");

        Assert.True(h.Engine.TransferToService("i1", "billing", byAgent: false).IsSuccess);

        Assert.Equal(["offer i1 ana", "withdraw i1 ana Transferred", "requeue i1 billing -"], h.Delivery.Log);
        Assert.Equal(AgentState.Available, h.StateOf("ana"));
        Assert.Equal(1, h.Engine.WaitingCount);
    }

    [Fact]
    public void A_queued_interaction_moved_to_another_service_keeps_its_place_there()
    {
        var h = TwoServices();
        h.Arrive("first", "sales");
        h.Advance(30);
        h.Arrive("second", "billing");
        h.Advance(30);

        Assert.True(h.Engine.TransferToService("first", "billing", byAgent: false).IsSuccess);
        h.LoginAll("bia");

        Assert.Equal(("first", "bia"), (h.Delivery.LastOffer.InteractionId, h.Delivery.LastOffer.AgentId));
        Assert.Equal(("first", "billing", (string?)null), h.Delivery.Requeues.Single());
    }
}
