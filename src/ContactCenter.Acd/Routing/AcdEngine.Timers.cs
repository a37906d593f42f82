using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

// The engine's own deadlines: one priority queue, read against TimeProvider. The runtime arms a single
// TimeProvider timer for NextDeadline; tests advance a FakeTimeProvider and call ProcessDueTimers.
public sealed partial class AcdEngine
{
    /// <summary>The earliest pending deadline, if any.</summary>
    public DateTimeOffset? NextDeadline => _timers.TryPeek(out _, out var at) ? at : null;

    /// <summary>Runs every deadline that is due, in order, then routes.</summary>
    public void ProcessDueTimers()
    {
        var realNow = _time.GetUtcNow();
        while (_timers.TryPeek(out var timer, out var at) && at <= realNow)
        {
            _timers.Dequeue();
            _timerNow = at;
            try
            {
                RunTimer(timer);
            }
            finally
            {
                _timerNow = null;
            }
        }
        Route();
    }

    private void RunTimer(TimerEntry timer)
    {
        switch (timer.Kind)
        {
            case TimerKind.OfferTimeout:
                if (_interactions.TryGetValue(timer.Id, out var offered) && offered.State == InteractionState.Offered
                    && offered.OfferToken == timer.Token && offered.AgentId is { } agentId)
                    NoAnswer(offered.Id, agentId, fromChannel: false);
                break;
            case TimerKind.PreviewTimeout:
                if (_interactions.TryGetValue(timer.Id, out var previewed) && previewed.State == InteractionState.Offered
                    && previewed.OfferToken == timer.Token && previewed.AgentId is { } previewAgent)
                    OnPreviewTimeout(previewed, previewAgent);
                break;
            case TimerKind.Announcement:
                OnAnnouncementTimer(timer);
                break;
            case TimerKind.WrapUpPhaseEnd:
                OnWrapUpTimer(timer);
                break;
            case TimerKind.MaxWait:
                OnMaxWait(timer);
                break;
            case TimerKind.ServiceStatistics:
                if (_queues.TryGetValue(timer.Id, out var queue)) PublishServiceStatistics(queue);
                break;
            case TimerKind.AgentStatistics:
                if (_agents.TryGetValue(timer.Id, out var session)) PublishAgentStatistics(session);
                break;
            case TimerKind.IntervalEnd:
                CloseInterval();
                break;
            case TimerKind.AlarmTick:
                _alarmTickScheduled = false;
                EvaluateAlarms();
                ScheduleAlarmTick();
                break;
        }
    }

    private void Schedule(DateTimeOffset at, TimerEntry timer) => _timers.Enqueue(timer, at);

    /// <summary>Max wait passed: overflow to the target service, or give it back to the channel.</summary>
    private void OnMaxWait(TimerEntry timer)
    {
        if (!_interactions.TryGetValue(timer.Id, out var interaction) || interaction.State != InteractionState.Queued
            || interaction.QueueToken != timer.Token || !_queues.TryGetValue(interaction.ServiceId, out var queue))
            return;
        RemoveFromQueue(queue, interaction);
        queue.Interval.Overflowed++;
        queue.Today.Overflowed++;
        MarkServiceDirty(queue);
        var targetId = queue.Definition.OverflowServiceId;
        Publish(AcdEventTypes.InteractionOverflowed, Describe(interaction, null, reason: "max_wait", target: targetId), Subject(interaction, null));
        if (targetId != null && _queues.TryGetValue(targetId, out var target))
        {
            EnterQueue(target, interaction, AcdEventTypes.InteractionQueued, "overflow");
            return;
        }
        interaction.State = InteractionState.Ended;
        interaction.EndedAt = Now;
        _interactions.Remove(interaction.Id);
        _history.InteractionFinished(Record(interaction, "released"));
        _delivery.Release(interaction.Id, ReleaseReason.MaxWaitWithoutOverflow);
    }
}
