namespace ContactCenter.Acd.Routing;

internal enum TimerKind
{
    OfferTimeout,
    WrapUpPhaseEnd,
    MaxWait,
    ServiceStatistics,
    AgentStatistics,
    IntervalEnd,
    AlarmTick,
    PreviewTimeout,
    Announcement,
}
