using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Routing;
using ContactCenter.Events;
using ContactCenter.Server.Configuration;
using ContactCenter.Server.SipHosting;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Server.Health;

/// <summary>
/// Feeds the ACD's built-in system alarms (ACD-10): every <see cref="Interval"/> it measures what only the other modules
/// see and reports it with <see cref="AcdEngine.ReportSystemMetric"/>, where the alarm rules on those metrics (demo:
/// trunk down, registration-failure burst, recordings disk low, RTP-timeout burst, lagging subscribers) raise and clear.
/// <list type="bullet">
/// <item><c>trunks_down</c>: registering trunks whose registration failed (<see cref="TrunkStatusRegistry"/>).</item>
/// <item><c>registration_failures_per_minute</c>: Digest authentications refused in the last minute, all profiles.</item>
/// <item><c>recordings_disk_free_percent</c>: free space of the recordings directory's file system.</item>
/// <item><c>rtp_timeouts_per_minute</c>: calls (or conference members) ended for silence in the last minute.</item>
/// <item><c>lagging_subscribers</c>: event subscribers that fell a whole buffer behind in the last minute.</item>
/// </list>
/// </summary>
public sealed class SystemHealthReporter(
    AcdRuntime acd,
    SipHostedService sip,
    TrunkStatusRegistry trunks,
    IEventBus bus,
    ContactCenterPaths paths,
    TimeProvider time,
    ILogger<SystemHealthReporter> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Queue<Sample> _history = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                try
                {
                    await ReportAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning(ex, "System health metrics not reported this round");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Measures and reports once (the timer calls this; tests too).</summary>
    public async Task<IReadOnlyDictionary<string, double>> ReportAsync(CancellationToken cancellationToken = default)
    {
        var metrics = Measure();
        await acd.RunAsync(engine =>
        {
            foreach (var (metric, value) in metrics) engine.ReportSystemMetric(metric, value);
            return true;
        }, cancellationToken);
        return metrics;
    }

    internal IReadOnlyDictionary<string, double> Measure()
    {
        var now = time.GetUtcNow();
        var current = new Sample(now,
            sip.Stacks.Sum(s => s.Authenticator.Failures),
            sip.CallEngines.Sum(c => c.RtpTimeouts),
            bus.SubscriberOverflows);
        _history.Enqueue(current);
        // The oldest sample still within a minute is the base of the per-minute counts (less than a minute at start).
        while (_history.Count > 1 && now - _history.Peek().At > Window) _history.Dequeue();
        var oldest = _history.Peek();

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [AlarmMetrics.TrunksDown] = trunks.Snapshot().Count(t => t.State == RegistrationState.Failed),
            [AlarmMetrics.RegistrationFailuresPerMinute] = current.AuthenticationFailures - oldest.AuthenticationFailures,
            [AlarmMetrics.RtpTimeoutsPerMinute] = current.RtpTimeouts - oldest.RtpTimeouts,
            [AlarmMetrics.LaggingSubscribers] = current.SubscriberOverflows - oldest.SubscriberOverflows,
        };
        if (DiskFreePercent(paths.RecordingsDirectory) is { } free) metrics[AlarmMetrics.RecordingsDiskFreePercent] = free;
        return metrics;
    }

    private static double? DiskFreePercent(string directory)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(directory));
            return drive.TotalSize > 0 ? Math.Round(100.0 * drive.AvailableFreeSpace / drive.TotalSize, 1) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private readonly record struct Sample(DateTimeOffset At, long AuthenticationFailures, long RtpTimeouts, long SubscriberOverflows);
}
