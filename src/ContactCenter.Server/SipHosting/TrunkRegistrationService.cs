using ContactCenter.Events;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// Registers every trunk with Outbound.Register to its provider, on its profile's SIP stack, for the life of the host.
/// Added after <see cref="SipHostedService"/>: it starts once the stacks listen, and stops (unregistering, bounded by
/// <see cref="TrunkRegistrationSettings.UnregisterTimeout"/>) before they close.
/// </summary>
public sealed class TrunkRegistrationService(
    SipHostedService sip,
    RoutingTable routing,
    TrunkStatusRegistry registry,
    TrunkRegistrationSettings settings,
    IEventBus bus,
    ILoggerFactory loggers,
    TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<TrunkRegistrationService>();
    private readonly List<TrunkRegistration> _registrations = [];
    private Task? _stopped;

    public IReadOnlyList<TrunkRegistration> Registrations => _registrations;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var log = new SipLogAdapter(loggers);
        foreach (var trunk in routing.Trunks)
        {
            if (trunk.Outbound is not { Register: true }) continue;
            var stack = sip.Stacks.FirstOrDefault(s => s.Options.Name == trunk.Profile)
                ?? throw new InvalidOperationException($"Trunk {trunk.Name} belongs to profile {trunk.Profile}, which has no SIP stack.");
            var registration = new TrunkRegistration(trunk, stack.Transactions, stack.LocalEndPoints, bus, time, settings, log);
            registry.Add(registration);
            _registrations.Add(registration);
            registration.Start();
            _logger.LogInformation("Trunk {Trunk} registers to {Host}:{Port} ({Transport}) every {Expires} s from profile {Profile}",
                trunk.Name, trunk.Outbound.Host, trunk.Outbound.Port, trunk.Outbound.Transport, trunk.Outbound.RegisterExpires.TotalSeconds, trunk.Profile);
        }
        return Task.CompletedTask;
    }

    /// <summary>Unregisters every trunk at once, waiting at most the unregister timeout (or until the host gives up).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_registrations) _stopped ??= StopCoreAsync(cancellationToken);
        return _stopped;
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.UnregisterTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        await Task.WhenAll(_registrations.Select(r => r.StopAsync(linked.Token)));
        foreach (var registration in _registrations) await registration.DisposeAsync();
    }
}
