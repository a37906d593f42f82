using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Contracts;
using ContactCenter.Events;

namespace ContactCenter.Acd.Routing;

// Alarms (ACD-10): every AlarmTick each enabled rule is evaluated for its subjects; the evaluator applies duration
// and hysteresis. System metrics are pushed by the modules that observe them.
public sealed partial class AcdEngine
{
    /// <summary>A health figure from another module (trunks down, registration failures per minute...).</summary>
    public AcdResult ReportSystemMetric(string metric, double value)
    {
        if (!AlarmMetrics.SystemMetrics.Contains(metric)) return AcdErrors.Invalid($"Unknown system metric '{metric}'.");
        if (!double.IsFinite(value)) return AcdErrors.Invalid("The value must be a finite number.");
        _systemMetrics[metric] = value;
        return AcdResult.Ok;
    }

    /// <summary>Records who acknowledged an active alarm.</summary>
    public AcdResult<Alarm> AcknowledgeAlarm(string alarmId, string by)
    {
        if (string.IsNullOrWhiteSpace(by) || by.Length > 200) return AcdErrors.Invalid("Say who acknowledges (1–200 characters).");
        if (_alarms.Acknowledge(alarmId, by, Now) is not { } alarm)
            return AcdErrors.NotFound(AcdErrors.AlarmNotFoundCode, "active alarm", alarmId);
        PublishAlarm(AcdEventTypes.AlarmAcknowledged, alarm);
        return alarm;
    }

    private void ScheduleAlarmTick()
    {
        if (_alarmTickScheduled || !_configuration.AlarmRules.Values.Any(r => r.Enabled)) return;
        _alarmTickScheduled = true;
        Schedule(Now + _options.AlarmTick, new TimerEntry(TimerKind.AlarmTick, ""));
    }

    private void EvaluateAlarms()
    {
        var now = Now;
        foreach (var rule in _configuration.AlarmRules.Values)
        {
            if (!rule.Enabled) continue;
            switch (rule.Scope)
            {
                case AlarmScope.Service:
                    foreach (var queue in _queues.Values)
                        if ((rule.ScopeId == null || rule.ScopeId == queue.Id) && ServiceMetric(queue, rule.Metric, now) is { } value)
                            Apply(_alarms.Evaluate(rule, queue.Id, value, now));
                    break;
                case AlarmScope.Agent:
                    foreach (var session in _agents.Values)
                        if ((rule.ScopeId == null || rule.ScopeId == session.Id) && (session.IsLoggedIn || rule.ScopeId != null))
                            Apply(_alarms.Evaluate(rule, session.Id, AgentMetric(session, rule.Metric, now), now));
                    break;
                case AlarmScope.System:
                    if (_systemMetrics.TryGetValue(rule.Metric, out var system)) Apply(_alarms.Evaluate(rule, null, system, now));
                    break;
            }
        }
    }

    private void Apply(AlarmTransition? transition)
    {
        if (transition is not { } t) return;
        PublishAlarm(t.Kind == AlarmTransitionKind.Raised ? AcdEventTypes.AlarmRaised : AcdEventTypes.AlarmCleared, t.Alarm);
    }

    private void PublishAlarm(string type, Alarm alarm)
    {
        var subject = alarm.Scope switch
        {
            AlarmScope.Service => new EventSubject(ServiceId: alarm.SubjectId),
            AlarmScope.Agent => new EventSubject(AgentId: alarm.SubjectId),
            _ => default,
        };
        Publish(type, alarm, subject);
        _history.AlarmChanged(alarm);
    }

    private static double? ServiceMetric(Routing.ServiceQueue queue, string metric, DateTimeOffset now)
    {
        var interval = queue.Interval;
        return metric switch
        {
            AlarmMetrics.Waiting => queue.Waiting.Count,
            AlarmMetrics.LongestWaitSeconds => queue.LongestWaitSeconds(now),
            AlarmMetrics.ServiceLevel => interval.Offered == 0 ? null : 100.0 * interval.AnsweredWithinThreshold / interval.Offered,
            AlarmMetrics.Abandoned => interval.Abandoned,
            AlarmMetrics.AsaSeconds => interval.Answered == 0 ? null : interval.AnswerWaitSeconds / interval.Answered,
            AlarmMetrics.AgentsAvailable => queue.Members.Count(m => m.State == AgentState.Available),
            AlarmMetrics.AgentsLoggedIn => queue.Members.Count,
            _ => null,
        };
    }

    private static double AgentMetric(AgentSession session, string metric, DateTimeOffset now) => metric switch
    {
        AlarmMetrics.TimeInStateSeconds => (now - session.StateSince).TotalSeconds,
        AlarmMetrics.PausedSeconds => session.State is AgentState.Paused or AgentState.Rona ? (now - session.StateSince).TotalSeconds : 0,
        AlarmMetrics.Ronas => session.Interval.Ronas,
        _ => 0,
    };
}
