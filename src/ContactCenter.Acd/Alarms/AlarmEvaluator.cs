namespace ContactCenter.Acd.Alarms;

/// <summary>
/// Turns metric samples into raised and cleared alarms, per (rule, subject): normal → breached since T → raised after
/// the rule's duration → cleared when the value passes the clear threshold. A breach that ends before the duration
/// raises nothing. Not thread-safe: the routing loop owns it.
/// </summary>
public sealed class AlarmEvaluator
{
    private readonly Dictionary<(string RuleId, string? Subject), Tracker> _trackers = new();
    private readonly Dictionary<string, Alarm> _active = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Active alarms by id.</summary>
    public IReadOnlyDictionary<string, Alarm> Active => _active;

    /// <summary>Feeds one sample; returns the transition it caused, if any.</summary>
    public AlarmTransition? Evaluate(AlarmRule rule, string? subjectId, double value, DateTimeOffset now)
    {
        var key = (rule.Id, subjectId);
        _trackers.TryGetValue(key, out var tracker);
        if (tracker?.AlarmId is { } alarmId)
        {
            if (!rule.IsCleared(value)) return null;
            _trackers.Remove(key);
            if (!_active.Remove(alarmId, out var raised)) return null;
            return new AlarmTransition(AlarmTransitionKind.Cleared, raised with { ClearedAt = now, ClearValue = value });
        }
        if (!rule.IsBreached(value))
        {
            if (tracker != null) _trackers.Remove(key);
            return null;
        }
        if (tracker == null) _trackers[key] = tracker = new Tracker(now);
        if (now - tracker.BreachedSince < TimeSpan.FromSeconds(rule.DurationSeconds)) return null;
        var alarm = new Alarm($"alarm-{++_sequence}-{now.ToUnixTimeMilliseconds()}", rule.Id, rule.Name, rule.Metric, rule.Scope,
            subjectId, rule.Severity, rule.Threshold, value, now);
        tracker.AlarmId = alarm.Id;
        _active[alarm.Id] = alarm;
        return new AlarmTransition(AlarmTransitionKind.Raised, alarm);
    }

    /// <summary>Records who acknowledged an active alarm.</summary>
    public Alarm? Acknowledge(string alarmId, string by, DateTimeOffset now)
    {
        if (!_active.TryGetValue(alarmId, out var alarm)) return null;
        return _active[alarmId] = alarm with { AcknowledgedBy = by, AcknowledgedAt = now };
    }

    /// <summary>Clears every alarm of a rule that was removed or disabled, so none stays raised forever.</summary>
    public IReadOnlyList<Alarm> Forget(Func<string, bool> ruleIsGone, DateTimeOffset now)
    {
        var cleared = new List<Alarm>();
        foreach (var key in _trackers.Keys.Where(k => ruleIsGone(k.RuleId)).ToList())
        {
            if (_trackers[key].AlarmId is { } id && _active.Remove(id, out var alarm)) cleared.Add(alarm with { ClearedAt = now });
            _trackers.Remove(key);
        }
        return cleared;
    }

    private sealed class Tracker(DateTimeOffset breachedSince)
    {
        public DateTimeOffset BreachedSince { get; } = breachedSince;
        public string? AlarmId { get; set; }
    }
}
