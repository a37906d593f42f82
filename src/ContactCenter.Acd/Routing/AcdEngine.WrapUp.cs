using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

// Service times after an interaction (ACD-02): classification (0 = none), then post-call, cumulative, each time-boxed.
public sealed partial class AcdEngine
{
    private void BeginWrapUp(AgentSession session, Interaction interaction, ServiceDefinition? service)
    {
        var now = Now;
        var times = service?.Times ?? new ServiceTimes();
        if (times.ClassificationSeconds > 0)
        {
            var deadline = now.AddSeconds(times.ClassificationSeconds);
            var wrap = new WrapUp(interaction, WrapUpPhase.Classification, now, deadline, ++_tokens);
            session.WrapUps.Add(wrap);
            Schedule(deadline, new TimerEntry(TimerKind.WrapUpPhaseEnd, session.Id, wrap.Token, interaction.Id));
            Publish(AcdEventTypes.ClassificationRequired,
                new ClassificationEvent(interaction.Id, session.Id, interaction.ServiceId, service!.Dispositions, deadline),
                Subject(interaction, session.Id));
        }
        else if (times.PostCallSeconds > 0)
        {
            var deadline = now.AddSeconds(times.PostCallSeconds);
            var wrap = new WrapUp(interaction, WrapUpPhase.PostCall, now, deadline, ++_tokens);
            session.WrapUps.Add(wrap);
            Schedule(deadline, new TimerEntry(TimerKind.WrapUpPhaseEnd, session.Id, wrap.Token, interaction.Id));
        }
        else
        {
            Finish(session, interaction, 0);
        }
    }

    /// <summary>Classification is over (chosen or timed out): post-call time follows, or the wrap-up ends.</summary>
    private void EnterPostCallOrFinish(AgentSession session, WrapUp wrap, ServiceDefinition? service)
    {
        int postCall = service?.Times.PostCallSeconds ?? 0;
        if (postCall > 0)
        {
            wrap.Phase = WrapUpPhase.PostCall;
            wrap.Deadline = Now.AddSeconds(postCall);
            wrap.Token = ++_tokens;
            Schedule(wrap.Deadline, new TimerEntry(TimerKind.WrapUpPhaseEnd, session.Id, wrap.Token, wrap.Interaction.Id));
        }
        else FinishWrapUp(session, wrap, classificationTimedOut: false);
    }

    private void OnWrapUpTimer(TimerEntry timer)
    {
        if (!_agents.TryGetValue(timer.Id, out var session)) return;
        var wrap = session.WrapUps.FirstOrDefault(w => w.Token == timer.Token);
        if (wrap == null) return;
        if (wrap.Phase == WrapUpPhase.Classification)
        {
            RecordUnclassified(session, wrap);
            EnterPostCallOrFinish(session, wrap, _configuration.Services.GetValueOrDefault(wrap.Interaction.ServiceId));
        }
        else FinishWrapUp(session, wrap, classificationTimedOut: false);
        Touch(session, wrap.Interaction.Id);
    }

    private void RecordUnclassified(AgentSession session, WrapUp wrap)
    {
        var interaction = wrap.Interaction;
        interaction.Disposition = Disposition.Unclassified;
        var dispositions = _configuration.Services.GetValueOrDefault(interaction.ServiceId)?.Dispositions ?? [];
        Publish(AcdEventTypes.ClassificationDone,
            new ClassificationEvent(interaction.Id, session.Id, interaction.ServiceId, dispositions, null, Disposition.Unclassified, TimedOut: true),
            Subject(interaction, session.Id));
    }

    /// <summary>Ends a wrap-up now (timer, early return to available, logout).</summary>
    private void FinishWrapUp(AgentSession session, WrapUp wrap, bool classificationTimedOut)
    {
        if (classificationTimedOut) RecordUnclassified(session, wrap);
        session.WrapUps.Remove(wrap);
        Finish(session, wrap.Interaction, (Now - wrap.StartedAt).TotalSeconds);
    }

    private void Finish(AgentSession session, Interaction interaction, double wrapSeconds)
    {
        session.Today.WrapSeconds += wrapSeconds;
        session.Interval.WrapSeconds += wrapSeconds;
        if (_queues.TryGetValue(interaction.ServiceId, out var queue))
        {
            queue.Interval.HandleSeconds += wrapSeconds;
            queue.Today.HandleSeconds += wrapSeconds;
            MarkServiceDirty(queue);
        }
        _interactions.Remove(interaction.Id);
        _history.InteractionFinished(Record(interaction, "handled"));
    }
}
