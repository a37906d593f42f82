using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Statistics;
using ContactCenter.Acd.Storage;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Server.Acd;

/// <summary>
/// The ACD's history, plus the disposition of each finished voice interaction written into its call's CDR (ACD-06):
/// the CDR stays the one record of the call. Both writers queue; the routing loop never waits on the disk.
/// </summary>
internal sealed class CdrDispositionSink(IAcdHistorySink inner, CdrStore? cdr) : IAcdHistorySink
{
    public void IntervalClosed(IReadOnlyList<ServiceIntervalRow> services, IReadOnlyList<AgentIntervalRow> agents) => inner.IntervalClosed(services, agents);

    public void InteractionFinished(InteractionRecord record)
    {
        inner.InteractionFinished(record);
        if (cdr is not null && record.Media == "voice" && record.CallId is { } callId && record.Disposition is { } disposition)
            cdr.SetDisposition(callId, disposition);
    }

    public void AlarmChanged(Alarm alarm) => inner.AlarmChanged(alarm);
}
