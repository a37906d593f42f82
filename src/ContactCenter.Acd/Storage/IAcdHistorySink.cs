using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Statistics;

namespace ContactCenter.Acd.Storage;

/// <summary>
/// Where the routing loop hands what must be kept (closed intervals, finished interactions, alarm history). Called on
/// the loop: implementations queue and write elsewhere, never block.
/// </summary>
public interface IAcdHistorySink
{
    void IntervalClosed(IReadOnlyList<ServiceIntervalRow> services, IReadOnlyList<AgentIntervalRow> agents);

    void InteractionFinished(InteractionRecord record);

    void AlarmChanged(Alarm alarm);
}
