using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Storage;

namespace ContactCenter.Acd.Routing;

// Interaction lifecycle: queued → offered → connected → ended (→ wrap-up), with reject, RONA, abandon and overflow.
public sealed partial class AcdEngine
{
    /// <summary>Queues a new interaction in its service and routes it if an agent is free.</summary>
    public AcdResult Enqueue(NewInteraction request)
    {
        if (string.IsNullOrEmpty(request.Id) || request.Id.Length > 128) return AcdErrors.Invalid("The interaction id must be 1–128 characters.");
        if (_interactions.ContainsKey(request.Id)) return AcdErrors.Duplicate("interaction", request.Id);
        if (!_queues.TryGetValue(request.ServiceId, out var queue)) return AcdErrors.ServiceNotFound(request.ServiceId);
        if (queue.Definition.Media != request.Media)
            return AcdErrors.Invalid($"Service '{request.ServiceId}' takes {queue.Definition.Media.Name()}, not {request.Media.Name()}.");
        if (queue.Definition.MaxQueueLength > 0 && queue.Waiting.Count >= queue.Definition.MaxQueueLength)
            return AcdErrors.QueueFull(queue.Id, queue.Waiting.Count);
        var interaction = new Interaction(request, ++_sequence, Now);
        _interactions[interaction.Id] = interaction;
        EnterQueue(queue, interaction, AcdEventTypes.InteractionQueued);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>The agent accepted the offer (its device answered, or it accepted through CTI: then the channel is told to connect).</summary>
    public AcdResult Accept(string interactionId, string agentId, bool fromChannel = true)
    {
        if (OfferedTo(interactionId, agentId) is not { } found) return OfferError(interactionId, agentId);
        var (interaction, session) = found;
        var now = Now;
        interaction.State = InteractionState.Connected;
        interaction.ConnectedAt = now;
        var wait = (now - interaction.QueuedAt).TotalSeconds;
        if (_queues.TryGetValue(interaction.ServiceId, out var queue))
        {
            foreach (var counters in new[] { queue.Interval, queue.Today })
            {
                counters.Answered++;
                if (wait <= queue.Definition.ServiceLevelSeconds) counters.AnsweredWithinThreshold++;
                counters.AnswerWaitSeconds += wait;
                counters.LongestAnswerWaitSeconds = Math.Max(counters.LongestAnswerWaitSeconds, wait);
            }
            MarkServiceDirty(queue);
        }
        Publish(AcdEventTypes.InteractionAccepted, Describe(interaction, agentId), Subject(interaction, agentId));
        if (!fromChannel) _delivery.Connect(interactionId, agentId);
        Touch(session, interactionId);
        return AcdResult.Ok;
    }

    /// <summary>The agent rejected the offer: it goes to the next agent; the agent stays available (ACD-04).</summary>
    public AcdResult Reject(string interactionId, string agentId, bool fromChannel = true)
    {
        if (OfferedTo(interactionId, agentId) is not { } found) return OfferError(interactionId, agentId);
        var (interaction, session) = found;
        session.Today.Rejected++;
        session.Interval.Rejected++;
        ReturnToQueue(interaction, session, "rejected");
        if (!fromChannel) _delivery.Withdraw(interactionId, agentId, WithdrawReason.Rejected);
        Touch(session, interactionId);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>The offer was not answered (the device said so, or the ACD's offer timer ran out): RONA.</summary>
    public AcdResult NoAnswer(string interactionId, string agentId, bool fromChannel = true)
    {
        if (OfferedTo(interactionId, agentId) is not { } found) return OfferError(interactionId, agentId);
        var (interaction, session) = found;
        session.Today.Ronas++;
        session.Interval.Ronas++;
        ReturnToQueue(interaction, session, "no_answer");
        session.Presence = AgentPresence.Rona;
        session.PauseReason = PauseReason.Rona;
        if (!fromChannel) _delivery.Withdraw(interactionId, agentId, WithdrawReason.NoAnswer);
        Touch(session, interactionId);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>
    /// The service's preview expected time ran out on a manual offer: the interaction is re-routed to the next agent. The
    /// agent is not paused (that is RONA, at the offer timeout) and is not offered it again in this queue.
    /// </summary>
    private void OnPreviewTimeout(Interaction interaction, string agentId)
    {
        var session = _agents[agentId];
        ReturnToQueue(interaction, session, "preview_timeout");
        _delivery.Withdraw(interaction.Id, agentId, WithdrawReason.PreviewTimeout);
        Touch(session, interaction.Id);
    }

    /// <summary>The customer left before being connected (a connected one is ended instead).</summary>
    public AcdResult Abandon(string interactionId)
    {
        if (!_interactions.TryGetValue(interactionId, out var interaction) || interaction.State == InteractionState.Ended)
            return AcdErrors.InteractionNotFound(interactionId);
        if (interaction.State == InteractionState.Connected) return End(interactionId);
        var now = Now;
        AgentSession? agent = null;
        if (interaction.State == InteractionState.Queued && _queues.TryGetValue(interaction.ServiceId, out var queue))
            RemoveFromQueue(queue, interaction);
        else if (interaction.State == InteractionState.Offered && interaction.AgentId is { } agentId && _agents.TryGetValue(agentId, out agent))
        {
            ReleaseFromAgent(interaction, agent);
            _delivery.Withdraw(interactionId, agentId, WithdrawReason.CustomerAbandoned);
        }
        if (_queues.TryGetValue(interaction.ServiceId, out var current))
        {
            current.Interval.Abandoned++;
            current.Today.Abandoned++;
            MarkServiceDirty(current);
        }
        interaction.State = InteractionState.Ended;
        interaction.EndedAt = now;
        _interactions.Remove(interactionId);
        Publish(AcdEventTypes.InteractionAbandoned, Describe(interaction, interaction.AgentId), Subject(interaction, interaction.AgentId));
        _history.InteractionFinished(Record(interaction, "abandoned"));
        if (agent != null) Touch(agent, interactionId);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>The connected interaction ended; the agent enters classification and post-call as the service says.</summary>
    public AcdResult End(string interactionId)
    {
        if (!_interactions.TryGetValue(interactionId, out var interaction) || interaction.State == InteractionState.Ended)
            return AcdErrors.InteractionNotFound(interactionId);
        if (interaction.State != InteractionState.Connected) return Abandon(interactionId);
        var now = Now;
        var session = _agents[interaction.AgentId!];
        ReleaseFromAgent(interaction, session);
        interaction.State = InteractionState.Ended;
        interaction.EndedAt = now;
        var talk = (now - interaction.ConnectedAt!.Value).TotalSeconds;
        foreach (var counters in new[] { session.Today, session.Interval })
        {
            counters.Handled++;
            counters.TalkSeconds += talk;
        }
        var service = _configuration.Services.GetValueOrDefault(interaction.ServiceId);
        if (_queues.TryGetValue(interaction.ServiceId, out var queue))
        {
            foreach (var counters in new[] { queue.Interval, queue.Today })
            {
                counters.Handled++;
                counters.HandleSeconds += talk;
            }
            MarkServiceDirty(queue);
        }
        Publish(AcdEventTypes.InteractionEnded, Describe(interaction, session.Id), Subject(interaction, session.Id));
        BeginWrapUp(session, interaction, service);
        Touch(session, interactionId);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>
    /// Digital work waiting on the customer frees the agent's capacity; the customer's reply takes it again (ACD-05).
    /// A reply that would exceed the capacity is refused (capacity_exceeded) and the work stays pending.
    /// </summary>
    public AcdResult SetPending(string interactionId, bool pending)
    {
        if (!_interactions.TryGetValue(interactionId, out var interaction) || interaction.State != InteractionState.Connected)
            return AcdErrors.InteractionNotFound(interactionId);
        if (interaction.Media == MediaType.Voice) return AcdErrors.Invalid("A voice interaction cannot be pending.");
        if (interaction.Pending == pending) return AcdResult.Ok;
        var session = _agents[interaction.AgentId!];
        if (!pending && !session.HasCapacityFor(interaction.Media)) return AcdErrors.CapacityExceeded(session.Id, interaction.Media.Name());
        interaction.Pending = pending;
        session.AddLoad(interaction.Media, pending ? -1 : 1);
        Touch(session, interactionId);
        Route();
        return AcdResult.Ok;
    }

    /// <param name="keepPlace">A transfer: it keeps its place in line and its priority aging (<see cref="Interaction.LineSince"/>).</param>
    private void EnterQueue(ServiceQueue queue, Interaction interaction, string eventType, string? reason = null, bool keepPlace = false)
    {
        var now = Now;
        interaction.ServiceId = queue.Id;
        interaction.QueuedAt = now;
        if (!keepPlace) interaction.LineSince = now;
        interaction.State = InteractionState.Queued;
        interaction.AgentId = null;
        interaction.Declined.Clear();
        interaction.QueueToken = ++_tokens;
        AddToQueue(queue, interaction);
        queue.Interval.Offered++;
        queue.Today.Offered++;
        if (queue.Definition.MaxWaitSeconds > 0)
            Schedule(now.AddSeconds(queue.Definition.MaxWaitSeconds), new TimerEntry(TimerKind.MaxWait, interaction.Id, interaction.QueueToken));
        Publish(eventType, Describe(interaction, null, queue.PositionOf(interaction), reason), Subject(interaction, null));
        ScheduleAnnouncement(queue, interaction);
        MarkServiceDirty(queue);
    }

    private void ReturnToQueue(Interaction interaction, AgentSession session, string reason)
    {
        ReleaseFromAgent(interaction, session);
        interaction.Declined.Add(session.Id);
        interaction.State = InteractionState.Queued;
        interaction.AgentId = null;
        Publish(AcdEventTypes.InteractionRejected, Describe(interaction, session.Id, reason: reason), Subject(interaction, session.Id));
        if (!_queues.TryGetValue(interaction.ServiceId, out var queue))
        {
            _interactions.Remove(interaction.Id);
            _delivery.Release(interaction.Id, ReleaseReason.ServiceRemoved);
            return;
        }
        AddToQueue(queue, interaction);
        if (queue.Definition.MaxWaitSeconds > 0)
        {
            var due = interaction.QueuedAt.AddSeconds(queue.Definition.MaxWaitSeconds);
            Schedule(due > Now ? due : Now, new TimerEntry(TimerKind.MaxWait, interaction.Id, interaction.QueueToken));
        }
        ScheduleAnnouncement(queue, interaction);
        MarkServiceDirty(queue);
    }

    private void Offer(ServiceQueue queue, Interaction interaction, AgentSession session)
    {
        var now = Now;
        var service = queue.Definition;
        RemoveFromQueue(queue, interaction);
        interaction.State = InteractionState.Offered;
        interaction.AgentId = session.Id;
        interaction.OfferedAt = now;
        interaction.OfferToken = ++_tokens;
        interaction.Offers++;
        session.Interactions.Add(interaction);
        session.AddLoad(interaction.Media, 1);
        session.IdleSince = now;
        session.Today.Offered++;
        session.Interval.Offered++;
        var delay = service.AnswerMode == AnswerMode.Automatic ? TimeSpan.FromSeconds(service.AnswerDelaySeconds) : TimeSpan.Zero;
        var timeout = delay + TimeSpan.FromSeconds(service.OfferTimeoutSeconds);
        Schedule(now + timeout, new TimerEntry(TimerKind.OfferTimeout, interaction.Id, interaction.OfferToken, session.Id));
        // ACD-02 preview expected time: how long an offer may wait for the agent's action before it is re-routed (0 = not
        // controlled). Only a manual offer waits for an action; when it is not shorter than the offer timeout, RONA comes first.
        if (service.AnswerMode == AnswerMode.Manual && service.Times.PreviewExpectedSeconds > 0)
            Schedule(now.AddSeconds(service.Times.PreviewExpectedSeconds),
                new TimerEntry(TimerKind.PreviewTimeout, interaction.Id, interaction.OfferToken, session.Id));
        Publish(AcdEventTypes.InteractionOffered, Describe(interaction, session.Id), Subject(interaction, session.Id));
        Touch(session, interaction.Id);
        MarkServiceDirty(queue);
        _delivery.Offer(new InteractionOffer(interaction.Id, session.Id, session.Extension ?? session.Definition.Extension, service.Id,
            interaction.Media, service.AnswerMode, delay, timeout, interaction.CallId, interaction.Customer, service.Record));
    }

    private void ReleaseFromAgent(Interaction interaction, AgentSession session)
    {
        session.Interactions.Remove(interaction);
        if (!interaction.Pending) session.AddLoad(interaction.Media, -1);
        interaction.Pending = false;
    }

    private void AddToQueue(ServiceQueue queue, Interaction interaction)
    {
        if (queue.Waiting.Add(interaction)) _waitingCount++;
        _nonEmpty.Add(queue);
    }

    private void RemoveFromQueue(ServiceQueue queue, Interaction interaction)
    {
        if (queue.Waiting.Remove(interaction)) _waitingCount--;
        if (queue.Waiting.Count == 0) _nonEmpty.Remove(queue);
    }

    private (Interaction, AgentSession)? OfferedTo(string interactionId, string agentId) =>
        _interactions.TryGetValue(interactionId, out var interaction)
        && interaction.State == InteractionState.Offered
        && interaction.AgentId == agentId
        && _agents.TryGetValue(agentId, out var session)
            ? (interaction, session)
            : null;

    private AcdError OfferError(string interactionId, string agentId) =>
        !_configuration.Agents.ContainsKey(agentId) && !_agents.ContainsKey(agentId) ? AcdErrors.AgentNotFound(agentId)
        : !_interactions.ContainsKey(interactionId) ? AcdErrors.InteractionNotFound(interactionId)
        : AcdErrors.NoPendingOffer(agentId, interactionId);

    private InteractionEvent Describe(Interaction interaction, string? agentId, int? position = null, string? reason = null, string? target = null,
        string? targetAgent = null) =>
        new(interaction.Id, interaction.ServiceId, interaction.Media.Name(), interaction.CallId, agentId, interaction.Customer.Address,
            interaction.ArrivedAt, interaction.QueuedAt, Math.Max(0, (Now - interaction.QueuedAt).TotalSeconds), position, reason, target,
            interaction.Disposition, targetAgent);

    private InteractionRecord Record(Interaction interaction, string outcome) =>
        new(interaction.Id, interaction.ServiceId, interaction.Media.Name(), interaction.CallId, interaction.AgentId,
            interaction.Customer.Address, interaction.ArrivedAt, interaction.ConnectedAt, interaction.EndedAt ?? Now, outcome,
            interaction.Disposition, interaction.Offers);
}
