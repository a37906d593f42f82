using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

// ACD-08: transfer or release an interaction to a service (it is re-queued there, keeping its place in line) or to an
// agent (offered to that agent directly). The agent it leaves is free at once: the disposition belongs to whoever
// finishes the interaction, so the transferring agent has no classification or post-call time for it.
public sealed partial class AcdEngine
{
    /// <summary>
    /// Moves the interaction into <paramref name="serviceId"/>'s queue (its own service: a release back to the queue).
    /// A connected or offered one leaves its agent (the channel keeps the customer waiting); it keeps its place in line
    /// (<see cref="Interaction.LineSince"/>) and is not offered back to the agent it left.
    /// </summary>
    /// <param name="byAgent">An agent asks: the service's transfer permission applies (supervisors are not bound by it).</param>
    public AcdResult TransferToService(string interactionId, string serviceId, bool byAgent = true)
    {
        if (!_interactions.TryGetValue(interactionId, out var interaction) || interaction.State == InteractionState.Ended)
            return AcdErrors.InteractionNotFound(interactionId);
        if (!_queues.TryGetValue(serviceId, out var target)) return AcdErrors.ServiceNotFound(serviceId);
        if (target.Definition.Media != interaction.Media)
            return AcdErrors.Invalid($"Service '{serviceId}' takes {target.Definition.Media.Name()}, not {interaction.Media.Name()}.");
        if (byAgent && TransferPermissionError(interaction) is { } denied) return denied;
        if (interaction.State == InteractionState.Queued && interaction.ServiceId == serviceId) return AcdResult.Ok;
        if (target.Definition.MaxQueueLength > 0 && target.Waiting.Count >= target.Definition.MaxQueueLength)
            return AcdErrors.QueueFull(serviceId, target.Waiting.Count);

        var reason = interaction.ServiceId == serviceId ? "released" : "transferred";
        var (from, wasConnected) = LeaveCurrentPlace(interaction);
        interaction.Transfers++;
        Publish(AcdEventTypes.InteractionTransferred, Describe(interaction, from?.Id, reason: reason, target: serviceId), Subject(interaction, from?.Id));
        _delivery.Requeue(interactionId, serviceId, wasConnected ? from!.Id : null);
        EnterQueue(target, interaction, AcdEventTypes.InteractionQueued, "transfer", keepPlace: true);
        if (from != null)
        {
            interaction.Declined.Add(from.Id);
            Touch(from, interactionId);
        }
        Route();
        return AcdResult.Ok;
    }

    /// <summary>
    /// Offers the interaction directly to <paramref name="agentId"/>, who must be logged in, taking work and free for its
    /// media type (else <c>agent_not_available</c>, nothing changed). It stays in its service: if the agent rejects it or
    /// lets it ring out, it waits in that service's queue like any other.
    /// </summary>
    public AcdResult TransferToAgent(string interactionId, string agentId, bool byAgent = true)
    {
        if (!_interactions.TryGetValue(interactionId, out var interaction) || interaction.State == InteractionState.Ended)
            return AcdErrors.InteractionNotFound(interactionId);
        if (!_configuration.Agents.ContainsKey(agentId)) return AcdErrors.AgentNotFound(agentId);
        if (interaction.AgentId == agentId) return AcdErrors.Invalid($"Interaction '{interactionId}' is already with agent '{agentId}'.");
        if (!_agents.TryGetValue(agentId, out var target) || !target.IsLoggedIn)
            return AcdErrors.AgentNotAvailable(agentId, AgentState.LoggedOut.Name(), interaction.Media.Name());
        if (!target.IsTakingWork || !target.HasCapacityFor(interaction.Media))
            return AcdErrors.AgentNotAvailable(agentId, target.State.Name(), interaction.Media.Name());
        if (!_queues.TryGetValue(interaction.ServiceId, out var queue)) return AcdErrors.ServiceNotFound(interaction.ServiceId);
        if (byAgent && TransferPermissionError(interaction) is { } denied) return denied;

        var (from, wasConnected) = LeaveCurrentPlace(interaction);
        interaction.Transfers++;
        Publish(AcdEventTypes.InteractionTransferred, Describe(interaction, from?.Id, reason: "transferred", targetAgent: agentId),
            Subject(interaction, from?.Id));
        _delivery.Requeue(interactionId, queue.Id, wasConnected ? from!.Id : null);
        // Not in line, but waiting again from now (what the service level measures if the agent answers).
        interaction.State = InteractionState.Queued;
        interaction.AgentId = null;
        interaction.QueuedAt = Now;
        interaction.QueueToken = ++_tokens;
        interaction.Declined.Clear();
        if (from != null) interaction.Declined.Add(from.Id);
        queue.Interval.Offered++;
        queue.Today.Offered++;
        Offer(queue, interaction, target);
        if (from != null) Touch(from, interactionId);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>Takes the interaction out of its queue or away from its agent; returns that agent and whether it was connected.</summary>
    private (AgentSession? From, bool WasConnected) LeaveCurrentPlace(Interaction interaction)
    {
        switch (interaction.State)
        {
            case InteractionState.Queued:
                if (_queues.TryGetValue(interaction.ServiceId, out var queue))
                {
                    RemoveFromQueue(queue, interaction);
                    MarkServiceDirty(queue);
                }
                return (null, false);
            case InteractionState.Offered:
            {
                var session = _agents[interaction.AgentId!];
                ReleaseFromAgent(interaction, session);
                _delivery.Withdraw(interaction.Id, session.Id, WithdrawReason.Transferred);
                interaction.AgentId = null;
                return (session, false);
            }
            default:
            {
                var session = _agents[interaction.AgentId!];
                var talk = (Now - interaction.ConnectedAt!.Value).TotalSeconds;
                foreach (var counters in new[] { session.Today, session.Interval })
                {
                    counters.Handled++;
                    counters.TalkSeconds += talk;
                }
                if (_queues.TryGetValue(interaction.ServiceId, out var current))
                {
                    foreach (var counters in new[] { current.Interval, current.Today })
                    {
                        counters.Handled++;
                        counters.HandleSeconds += talk;
                    }
                    MarkServiceDirty(current);
                }
                ReleaseFromAgent(interaction, session);
                interaction.AgentId = null;
                return (session, true);
            }
        }
    }

    /// <summary>The service's transfer permission (ACD-01), for commands an agent gives.</summary>
    private AcdError? TransferPermissionError(Interaction interaction) =>
        _configuration.Services.TryGetValue(interaction.ServiceId, out var service) && !service.Permissions.Transfer
            ? AcdErrors.PermissionDenied(service.Id, "transfer")
            : null;
}
