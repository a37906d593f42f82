using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;
using ContactCenter.Events;

namespace ContactCenter.Acd.Routing;

// Agent commands (ACD-03). Each either applies completely or returns an error with nothing changed.
public sealed partial class AcdEngine
{
    /// <summary>
    /// Logs an agent in at an extension (default: the configured one) into services (default: the configured ones the
    /// agent is qualified for). Requested services the agent's skills do not meet are refused.
    /// </summary>
    public AcdResult<AgentSession> Login(string agentId, string? extension = null, IReadOnlyList<string>? services = null)
    {
        if (!_configuration.Agents.TryGetValue(agentId, out var definition)) return AcdErrors.AgentNotFound(agentId);
        if (_agents.TryGetValue(agentId, out var existing) && existing.IsLoggedIn)
            return AcdErrors.InvalidTransition(agentId, existing.State.Name(), "log in");
        List<string> joined;
        if (services is { Count: > 0 })
        {
            joined = [];
            foreach (var serviceId in services.Distinct(StringComparer.Ordinal))
            {
                if (!_configuration.Services.TryGetValue(serviceId, out var service)) return AcdErrors.ServiceNotFound(serviceId);
                if (!service.Accepts(definition))
                    return new AcdError("agent_not_qualified", $"Agent '{agentId}' does not meet the skill profile of service '{serviceId}'.", AcdErrorKind.Conflict);
                joined.Add(serviceId);
            }
        }
        else
        {
            joined = definition.Services
                .Where(id => _configuration.Services.TryGetValue(id, out var s) && s.Accepts(definition))
                .ToList();
        }
        extension ??= definition.Extension;
        if (extension.Length is 0 or > 64) return AcdErrors.Invalid("The extension must be 1–64 characters.");

        var now = Now;
        var session = GetOrCreateSession(definition);
        session.Presence = AgentPresence.Available;
        session.PauseReason = null;
        session.Extension = extension;
        session.Services = joined;
        session.LoggedInAt = now;
        session.IdleSince = now;
        RefreshSkillScores(session);
        foreach (var serviceId in joined) _queues[serviceId].Join(session);
        Publish(AcdEventTypes.AgentLoggedIn, new AgentLoginChanged(agentId, extension, joined, now), new EventSubject(AgentId: agentId));
        Touch(session);
        Route();
        return session;
    }

    /// <summary>Logs out. Refused while an interaction is offered or connected; an open classification is recorded unclassified.</summary>
    public AcdResult Logout(string agentId)
    {
        if (!_configuration.Agents.ContainsKey(agentId) && !_agents.ContainsKey(agentId)) return AcdErrors.AgentNotFound(agentId);
        if (!_agents.TryGetValue(agentId, out var session) || !session.IsLoggedIn)
            return AcdErrors.InvalidTransition(agentId, AgentState.LoggedOut.Name(), "log out");
        if (session.Interactions.Count > 0) return AcdErrors.InvalidTransition(agentId, session.State.Name(), "log out");
        foreach (var wrap in session.WrapUps.ToList()) FinishWrapUp(session, wrap, classificationTimedOut: wrap.Phase == WrapUpPhase.Classification);
        foreach (var serviceId in session.Services)
            if (_queues.TryGetValue(serviceId, out var queue)) queue.Leave(session);
        var services = session.Services;
        session.Presence = AgentPresence.LoggedOut;
        session.PauseReason = null;
        session.Services = [];
        session.SkillScores.Clear();
        var extension = session.Extension;
        session.Extension = null;
        session.LoggedInAt = null;
        Publish(AcdEventTypes.AgentLoggedOut, new AgentLoginChanged(agentId, extension, services, Now), new EventSubject(AgentId: agentId));
        Touch(session);
        if (!_configuration.Agents.ContainsKey(agentId)) _agents.Remove(agentId);
        return AcdResult.Ok;
    }

    /// <summary>
    /// Pauses with a configured reason. While busy or wrapping up the pause waits for the work to end, but no new
    /// work is offered from now on.
    /// </summary>
    public AcdResult Pause(string agentId, string reasonId)
    {
        if (LoggedInSession(agentId, "pause") is not { } session) return LoggedInError(agentId, "pause");
        if (reasonId == PauseReason.Rona || !_configuration.PauseReasons.ContainsKey(reasonId)) return AcdErrors.UnknownPauseReason(reasonId);
        session.Presence = AgentPresence.Paused;
        session.PauseReason = reasonId;
        Touch(session);
        return AcdResult.Ok;
    }

    /// <summary>
    /// Back to available ("operating"): ends a pause or RONA, and ends classification / post-call early (an open
    /// classification is recorded unclassified).
    /// </summary>
    public AcdResult Ready(string agentId)
    {
        if (LoggedInSession(agentId, "become available") is not { } session) return LoggedInError(agentId, "become available");
        session.Presence = AgentPresence.Available;
        session.PauseReason = null;
        foreach (var wrap in session.WrapUps.ToList()) FinishWrapUp(session, wrap, classificationTimedOut: wrap.Phase == WrapUpPhase.Classification);
        Touch(session);
        Route();
        return AcdResult.Ok;
    }

    /// <summary>Chooses the disposition of an interaction in classification; post-call time follows (ACD-06).</summary>
    public AcdResult Classify(string agentId, string interactionId, string dispositionId)
    {
        if (LoggedInSession(agentId, "classify") is not { } session) return LoggedInError(agentId, "classify");
        var wrap = session.WrapUps.FirstOrDefault(w => w.Interaction.Id == interactionId && w.Phase == WrapUpPhase.Classification);
        if (wrap == null) return AcdErrors.NotInClassification(agentId, interactionId);
        var interaction = wrap.Interaction;
        var service = _configuration.Services.GetValueOrDefault(interaction.ServiceId);
        if (service == null || !service.Dispositions.Contains(dispositionId, StringComparer.Ordinal))
            return AcdErrors.UnknownDisposition(dispositionId, interaction.ServiceId);
        interaction.Disposition = dispositionId;
        Publish(AcdEventTypes.ClassificationDone,
            new ClassificationEvent(interactionId, agentId, interaction.ServiceId, service.Dispositions, null, dispositionId),
            Subject(interaction, agentId));
        EnterPostCallOrFinish(session, wrap, service);
        Touch(session);
        Route();
        return AcdResult.Ok;
    }

    private AgentSession? LoggedInSession(string agentId, string action) =>
        _agents.TryGetValue(agentId, out var session) && session.IsLoggedIn ? session : null;

    private AcdError LoggedInError(string agentId, string action) =>
        _configuration.Agents.ContainsKey(agentId) || _agents.ContainsKey(agentId)
            ? AcdErrors.InvalidTransition(agentId, AgentState.LoggedOut.Name(), action)
            : AcdErrors.AgentNotFound(agentId);

    /// <summary>
    /// Recomputes the agent's shown state after any change; publishes the transition, counts the time spent in the
    /// previous state, and keeps the set of agents ready for work in step.
    /// </summary>
    private void Touch(AgentSession session, string? interactionId = null)
    {
        var now = Now;
        var next = session.DeriveState();
        var reason = next is AgentState.Paused or AgentState.Rona ? session.PauseReason : null;
        if (next != session.State || (next == AgentState.Paused && reason != session.PublishedPauseReason))
        {
            AccrueStateTime(session, now);
            var previous = session.State;
            var since = session.StateSince;
            session.State = next;
            session.StateSince = now;
            session.PublishedPauseReason = reason;
            Publish(AcdEventTypes.AgentStateChanged,
                new AgentStateChanged(session.Id, previous.Name(), next.Name(), reason, interactionId ?? CurrentInteractionId(session),
                    since, now, (now - since).TotalSeconds),
                new EventSubject(AgentId: session.Id));
            MarkAgentDirty(session);
            foreach (var serviceId in session.Services)
                if (_queues.TryGetValue(serviceId, out var queue)) MarkServiceDirty(queue);
        }
        UpdateReadiness(session);
    }

    private static string? CurrentInteractionId(AgentSession session) =>
        session.Interactions.Count > 0 ? session.Interactions[^1].Id
        : session.WrapUps.Count > 0 ? session.WrapUps[^1].Interaction.Id
        : null;

    private void UpdateReadiness(AgentSession session)
    {
        bool ready = session.IsTakingWork && session.HasAnyCapacity();
        if (ready)
        {
            if (_ready.Add(session) && session.Interactions.Count == 0) session.IdleSince = Now;
        }
        else _ready.Remove(session);
    }

    private static EventSubject Subject(Interaction interaction, string? agentId) =>
        new(interaction.CallId, agentId ?? interaction.AgentId, interaction.ServiceId, interaction.Media.Name());
}
