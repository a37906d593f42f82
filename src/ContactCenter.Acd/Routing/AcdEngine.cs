using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Statistics;
using ContactCenter.Acd.Storage;
using ContactCenter.Events;

namespace ContactCenter.Acd.Routing;

/// <summary>
/// The ACD's state and every decision over it: agent states, queues, offers, service times, statistics and alarms.
/// Deliberately single-threaded: <see cref="AcdRuntime"/> runs it on one loop fed by a channel, so every command and
/// every routing decision happens one at a time and "an agent never holds more than its capacity" holds by
/// construction (and is checked by the property test). Time comes from <see cref="TimeProvider"/>; the engine keeps
/// its own deadlines (<see cref="NextDeadline"/>, <see cref="ProcessDueTimers"/>) so tests drive it synchronously.
/// </summary>
public sealed partial class AcdEngine
{
    private readonly IInteractionDelivery _delivery;
    private readonly IEventBus? _events;
    private readonly TimeProvider _time;
    private readonly RoutingOptions _options;
    private readonly IAcdHistorySink _history;
    private readonly Dictionary<string, AgentSession> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Interaction> _interactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServiceQueue> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<AgentSession> _ready = [];
    private readonly HashSet<ServiceQueue> _nonEmpty = [];
    private readonly PriorityQueue<TimerEntry, DateTimeOffset> _timers = new();
    private readonly AlarmEvaluator _alarms = new();
    private readonly Dictionary<string, double> _systemMetrics = new(StringComparer.Ordinal);
    private AcdConfiguration _configuration = AcdConfiguration.Empty;
    private long _sequence;
    private long _tokens;
    private int _waitingCount;
    private bool _alarmTickScheduled;
    private DateTimeOffset _intervalStart;

    public AcdEngine(
        AcdConfiguration configuration,
        IInteractionDelivery delivery,
        TimeProvider time,
        IEventBus? events = null,
        RoutingOptions? options = null,
        IAcdHistorySink? history = null)
    {
        _delivery = delivery;
        _time = time;
        _events = events;
        _options = options ?? new RoutingOptions();
        _history = history ?? NullHistorySink.Instance;
        var now = Now;
        _intervalStart = StatisticsIntervals.StartOf(now);
        Schedule(_intervalStart + StatisticsIntervals.Length, new TimerEntry(TimerKind.IntervalEnd, ""));
        ApplyConfiguration(configuration);
    }

    public AcdConfiguration Configuration => _configuration;

    /// <summary>Waiting interactions over all services.</summary>
    public int WaitingCount => _waitingCount;

    /// <summary>Interactions queued, offered, connected or in wrap-up.</summary>
    public IReadOnlyDictionary<string, Interaction> Interactions => _interactions;

    /// <summary>Sessions of the configured agents (logged in or not).</summary>
    public IReadOnlyDictionary<string, AgentSession> Agents => _agents;

    /// <summary>Active alarms by id.</summary>
    public IReadOnlyDictionary<string, Alarm> ActiveAlarms => _alarms.Active;

    // While a timer runs, "now" is its deadline: a wrap-up that ended at 10:00:30 counts 30 s even if the loop got to it
    // a little later, and time in states adds up exactly.
    private DateTimeOffset? _timerNow;

    private DateTimeOffset Now => _timerNow ?? _time.GetUtcNow();

    /// <summary>
    /// Swaps in a new configuration. Sessions keep their state; their definitions, memberships and skill scores follow
    /// the new one. Waiting interactions of a removed service are released to their channel.
    /// </summary>
    public void ApplyConfiguration(AcdConfiguration configuration)
    {
        var now = Now;
        _configuration = configuration;
        foreach (var service in configuration.Services.Values)
        {
            if (_queues.TryGetValue(service.Id, out var queue)) queue.Definition = service;
            else
            {
                queue = new ServiceQueue(service);
                queue.Interval.Reset(_intervalStart);
                queue.Today.Reset(StatisticsIntervals.DayOf(now));
                _queues[service.Id] = queue;
            }
        }
        foreach (var removed in _queues.Values.Where(q => !configuration.Services.ContainsKey(q.Id)).ToList())
        {
            foreach (var interaction in removed.Waiting.ToList())
            {
                RemoveFromQueue(removed, interaction);
                _interactions.Remove(interaction.Id);
                _delivery.Release(interaction.Id, ReleaseReason.ServiceRemoved);
            }
            foreach (var member in removed.Members)
                member.Services = member.Services.Where(s => s != removed.Id).ToList();
            _queues.Remove(removed.Id);
        }
        foreach (var session in _agents.Values.ToList())
        {
            if (configuration.Agents.TryGetValue(session.Id, out var definition))
            {
                session.Definition = definition;
                RefreshSkillScores(session);
                UpdateReadiness(session);
            }
            else if (!session.IsLoggedIn) _agents.Remove(session.Id);
        }
        foreach (var alarm in _alarms.Forget(id => !configuration.AlarmRules.TryGetValue(id, out var rule) || !rule.Enabled, now))
            PublishAlarm(Contracts.AcdEventTypes.AlarmCleared, alarm);
        ScheduleAlarmTick();
        Route();
    }

    private AgentSession GetOrCreateSession(AgentDefinition definition)
    {
        if (!_agents.TryGetValue(definition.Id, out var session))
        {
            session = new AgentSession(definition, Now);
            session.Today.Reset(StatisticsIntervals.DayOf(Now));
            session.Interval.Reset(_intervalStart);
            session.AccruedUntil = Now;
            _agents[definition.Id] = session;
        }
        return session;
    }

    private void RefreshSkillScores(AgentSession session)
    {
        session.SkillScores.Clear();
        foreach (var serviceId in session.Services)
            if (_configuration.Services.TryGetValue(serviceId, out var service))
                session.SkillScores[serviceId] = service.SkillScore(session.Definition);
    }

    /// <summary>The client_data of the command being applied (set by <see cref="AcdRuntime"/>); its events carry it.</summary>
    internal System.Text.Json.JsonElement? CommandClientData { get; set; }

    private void Publish(string type, object payload, EventSubject subject) => _events?.Publish(type, payload, subject, CommandClientData);
}
