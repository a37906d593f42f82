using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Statistics;
using ContactCenter.Events;

namespace ContactCenter.Acd.Routing;

// Real-time statistics (ACD-09): counters kept as things happen, snapshots computed on demand, change events at most
// once per StatisticsThrottle per service and per agent, 15-minute intervals handed to the history sink.
public sealed partial class AcdEngine
{
    /// <summary>A service's statistics now, or null for an unknown service.</summary>
    public ServiceStatistics? GetServiceStatistics(string serviceId) =>
        _queues.TryGetValue(serviceId, out var queue) ? Snapshot(queue, Now) : null;

    /// <summary>An agent's statistics now, or null for an unknown agent.</summary>
    public AgentStatistics? GetAgentStatistics(string agentId)
    {
        if (!_agents.TryGetValue(agentId, out var session))
        {
            if (!_configuration.Agents.TryGetValue(agentId, out var definition)) return null;
            session = GetOrCreateSession(definition);
        }
        return Snapshot(session, Now);
    }

    private ServiceStatistics Snapshot(ServiceQueue queue, DateTimeOffset now)
    {
        var byState = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in queue.Members)
        {
            var name = member.State.Name();
            byState[name] = byState.GetValueOrDefault(name) + 1;
        }
        double longest = queue.LongestWaitSeconds(now);
        return new ServiceStatistics(queue.Id, now, queue.Waiting.Count, longest, byState, queue.Interval.Snapshot(), queue.Today.Snapshot());
    }

    private AgentStatistics Snapshot(AgentSession session, DateTimeOffset now)
    {
        AccrueStateTime(session, now);
        return new AgentStatistics(session.Id, now, session.State.Name(), session.PauseReason,
            (now - session.StateSince).TotalSeconds, Period(session.Interval), Period(session.Today));
    }

    private static AgentPeriodStatistics Period(AgentCounters counters)
    {
        double Seconds(AgentState state) => counters.SecondsInState[(int)state];
        double loggedIn = 0;
        foreach (var state in Enum.GetValues<AgentState>())
            if (state != AgentState.LoggedOut) loggedIn += Seconds(state);
        double paused = Seconds(AgentState.Paused) + Seconds(AgentState.Rona);
        double working = Seconds(AgentState.Offered) + Seconds(AgentState.Busy) + Seconds(AgentState.Classification) + Seconds(AgentState.PostCall);
        double staffed = loggedIn - paused;
        return new AgentPeriodStatistics(counters.Start, counters.Offered, counters.Handled, counters.Rejected, counters.Ronas,
            Math.Round(counters.TalkSeconds, 3), Math.Round(counters.HoldSeconds, 3), Math.Round(counters.WrapSeconds, 3),
            Math.Round(loggedIn, 3), Math.Round(paused, 3), staffed > 0 ? Math.Round(100 * working / staffed, 2) : null);
    }

    private static void AccrueStateTime(AgentSession session, DateTimeOffset now)
    {
        double seconds = (now - session.AccruedUntil).TotalSeconds;
        if (seconds <= 0) return;
        session.Today.SecondsInState[(int)session.State] += seconds;
        session.Interval.SecondsInState[(int)session.State] += seconds;
        session.AccruedUntil = now;
    }

    private void MarkServiceDirty(ServiceQueue queue)
    {
        if (queue.StatisticsScheduled) return;
        queue.StatisticsScheduled = true;
        var at = queue.LastStatisticsAt + _options.StatisticsThrottle;
        Schedule(at > Now ? at : Now, new TimerEntry(TimerKind.ServiceStatistics, queue.Id));
    }

    private void MarkAgentDirty(AgentSession session)
    {
        if (session.StatisticsScheduled) return;
        session.StatisticsScheduled = true;
        var at = session.LastStatisticsAt + _options.StatisticsThrottle;
        Schedule(at > Now ? at : Now, new TimerEntry(TimerKind.AgentStatistics, session.Id));
    }

    private void PublishServiceStatistics(ServiceQueue queue)
    {
        var now = Now;
        queue.StatisticsScheduled = false;
        queue.LastStatisticsAt = now;
        Publish(AcdEventTypes.ServiceStatistics, Snapshot(queue, now), new EventSubject(ServiceId: queue.Id, Media: queue.Definition.Media.Name()));
    }

    private void PublishAgentStatistics(AgentSession session)
    {
        var now = Now;
        session.StatisticsScheduled = false;
        session.LastStatisticsAt = now;
        Publish(AcdEventTypes.AgentStatistics, Snapshot(session, now), new EventSubject(AgentId: session.Id));
    }

    /// <summary>The 15-minute interval ended: persist it, start the next (and a new day at midnight UTC).</summary>
    private void CloseInterval()
    {
        var now = Now;
        var closedStart = _intervalStart;
        var serviceRows = _queues.Values.Select(q => new ServiceIntervalRow(q.Id, closedStart, q.Interval.Snapshot())).ToList();
        var agentRows = new List<AgentIntervalRow>();
        foreach (var session in _agents.Values)
        {
            AccrueStateTime(session, closedStart + StatisticsIntervals.Length > now ? now : closedStart + StatisticsIntervals.Length);
            var figures = Period(session.Interval);
            if (figures.LoggedInSeconds > 0 || figures.Offered > 0) agentRows.Add(new AgentIntervalRow(session.Id, closedStart, figures));
        }
        _history.IntervalClosed(serviceRows, agentRows);

        _intervalStart = StatisticsIntervals.StartOf(now);
        bool newDay = StatisticsIntervals.DayOf(_intervalStart) != StatisticsIntervals.DayOf(closedStart);
        foreach (var queue in _queues.Values)
        {
            queue.Interval.Reset(_intervalStart);
            if (newDay) queue.Today.Reset(StatisticsIntervals.DayOf(_intervalStart));
            MarkServiceDirty(queue);
        }
        foreach (var session in _agents.Values)
        {
            AccrueStateTime(session, now);
            session.Interval.Reset(_intervalStart);
            if (newDay) session.Today.Reset(StatisticsIntervals.DayOf(_intervalStart));
        }
        Schedule(_intervalStart + StatisticsIntervals.Length, new TimerEntry(TimerKind.IntervalEnd, ""));
    }
}
