namespace ContactCenter.Acd.Alarms;

/// <summary>The metrics rules can watch, by scope.</summary>
public static class AlarmMetrics
{
    // Service metrics (current 15-minute interval for the ratios).
    public const string Waiting = "waiting";
    public const string LongestWaitSeconds = "longest_wait_seconds";
    public const string ServiceLevel = "service_level";
    public const string Abandoned = "abandoned";
    public const string AsaSeconds = "asa_seconds";
    public const string AgentsAvailable = "agents_available";
    public const string AgentsLoggedIn = "agents_logged_in";

    // Agent metrics.
    public const string TimeInStateSeconds = "time_in_state_seconds";
    public const string PausedSeconds = "paused_seconds";
    public const string Ronas = "ronas";

    // System health, reported by the modules that see it (ReportSystemMetric).
    public const string TrunksDown = "trunks_down";
    public const string RegistrationFailuresPerMinute = "registration_failures_per_minute";
    public const string RecordingsDiskFreePercent = "recordings_disk_free_percent";
    public const string RtpTimeoutsPerMinute = "rtp_timeouts_per_minute";
    public const string LaggingSubscribers = "lagging_subscribers";

    public static readonly IReadOnlySet<string> ServiceMetrics = new HashSet<string>(StringComparer.Ordinal)
        { Waiting, LongestWaitSeconds, ServiceLevel, Abandoned, AsaSeconds, AgentsAvailable, AgentsLoggedIn };

    public static readonly IReadOnlySet<string> AgentMetrics = new HashSet<string>(StringComparer.Ordinal)
        { TimeInStateSeconds, PausedSeconds, Ronas };

    public static readonly IReadOnlySet<string> SystemMetrics = new HashSet<string>(StringComparer.Ordinal)
        { TrunksDown, RegistrationFailuresPerMinute, RecordingsDiskFreePercent, RtpTimeoutsPerMinute, LaggingSubscribers };

    public static IReadOnlySet<string> For(AlarmScope scope) => scope switch
    {
        AlarmScope.Service => ServiceMetrics,
        AlarmScope.Agent => AgentMetrics,
        _ => SystemMetrics,
    };
}
