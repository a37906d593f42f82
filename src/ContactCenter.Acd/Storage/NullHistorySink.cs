using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Statistics;

namespace ContactCenter.Acd.Storage;

/// <summary>Keeps nothing; for tests and benchmarks that do not look at history.</summary>
public sealed class NullHistorySink : IAcdHistorySink
{
    public static NullHistorySink Instance { get; } = new();

    public void IntervalClosed(IReadOnlyList<ServiceIntervalRow> services, IReadOnlyList<AgentIntervalRow> agents) { }
    public void InteractionFinished(InteractionRecord record) { }
    public void AlarmChanged(Alarm alarm) { }
}
