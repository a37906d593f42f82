using System.Net;
using System.Net.Sockets;
using ContactCenter.Events;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// Keeps one trunk registered with its provider (SIP-03) on the SIP stack of the trunk's profile: resolves the
/// provider's host (retrying with backoff while it does not resolve), then runs an <see cref="OutboundRegistration"/>
/// (digest, refresh, backoff) and turns its transitions into trunk.* events and a queryable <see cref="Status"/>.
/// <see cref="StopAsync"/> unregisters (Expires: 0). The host name is resolved once (A/AAAA, no SRV/NAPTR yet).
/// </summary>
public sealed partial class TrunkRegistration : IAsyncDisposable
{
    private readonly Trunk _trunk;
    private readonly TrunkOutboundConfig _outbound;
    private readonly SipTransactionLayer _transactions;
    private readonly IReadOnlyList<SipListenEndpoint> _listeners;
    private readonly IEventBus _bus;
    private readonly TimeProvider _time;
    private readonly ISipLog _log;
    private readonly TrunkRegistrationSettings _settings;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private OutboundRegistration? _registration;
    private Task? _run;
    private Task? _stop;

    /// <param name="listeners">The profile's bound listeners (actual ports): the REGISTER leaves from, and names, the one of the trunk's transport.</param>
    /// <param name="resolve">Host name to addresses; DNS by default (tests pass their own).</param>
    /// <exception cref="ArgumentException">The trunk does not register (no Outbound with Register, Username and Password).</exception>
    public TrunkRegistration(Trunk trunk, SipTransactionLayer transactions, IReadOnlyList<SipListenEndpoint> listeners, IEventBus bus,
        TimeProvider time, TrunkRegistrationSettings settings, ISipLog? log = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        if (trunk.Outbound is not { Register: true, Username: not null, Password: not null } outbound)
            throw new ArgumentException($"Trunk {trunk.Name} does not register (Outbound.Register with Username and Password).", nameof(trunk));
        _trunk = trunk;
        _outbound = outbound;
        _transactions = transactions;
        _listeners = listeners;
        _bus = bus;
        _time = time;
        _settings = settings;
        _log = log ?? NullSipLog.Instance;
        _resolve = resolve ?? ((host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));
    }

    public string Name => _trunk.Name;

    public string Profile => _trunk.Profile;

    /// <summary>Resolves the provider and starts registering, in the background; the outcome shows in events and <see cref="Status"/>.</summary>
    /// <exception cref="InvalidOperationException">Already started, or stopped.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_run is not null || _stop is not null) throw new InvalidOperationException("A trunk registration is started once.");
            _run = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    /// <summary>
    /// Stops retrying and refreshing and removes our binding at the provider (Expires: 0, answering its challenge).
    /// Completes when the provider answered, or at once when <paramref name="cancellationToken"/> fires; the state is
    /// then Unregistered and trunk.unregistered published (unless it already was).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _stop ??= StopCoreAsync(cancellationToken);
            return _stop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        SetStatus(RegistrationState.Registering, 0, "Resolving " + _outbound.Host, 0, _time.GetUtcNow());
        SipDestination destination;
        IPEndPoint local;
        int failures = 0;
        while (true)
        {
            try
            {
                (destination, local) = await LocateAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (TrunkConfigurationException ex)
            {
                // Nothing a retry could change: stays failed until the profile is fixed and the server restarted.
                _log.Write(SipLogLevel.Error, "sip.trunk", $"Trunk {Name} cannot register: {ex.Message}");
                SetStatus(RegistrationState.Failed, 0, ex.Message, 0, _time.GetUtcNow());
                return;
            }
            catch (SocketException ex)
            {
                failures++;
                var wait = RegistrationTiming.RetryDelay(failures, null, _settings.RetryDelay, _settings.MaxRetryDelay, 0.2, Random.Shared.NextDouble());
                var delay = Task.Delay(wait, _time, cancellationToken);
                lock (_gate) _retryAt = _time.GetUtcNow() + wait;
                _log.Write(SipLogLevel.Warning, "sip.trunk", $"Trunk {Name}: cannot reach {_outbound.Host} ({ex.Message}); retrying in {wait.TotalSeconds:0} s");
                SetStatus(RegistrationState.Failed, 0, $"Cannot resolve or reach {_outbound.Host}: {ex.Message}", 0, _time.GetUtcNow());
                try
                {
                    await delay.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                lock (_gate) _retryAt = null;
            }
        }

        OutboundRegistration registration;
        try
        {
            registration = new OutboundRegistration(TrunkRegistrarAddressing.Options(_trunk, destination, local, _settings), _transactions,
                SipClientCredentials.FromPassword(_outbound.Username!, _outbound.Password!), _time, _log);
        }
        catch (ArgumentException ex)
        {
            // A user name or host the validator let through but that cannot form a SIP URI or header.
            _log.Write(SipLogLevel.Error, "sip.trunk", $"Trunk {Name} cannot register: {ex.Message}");
            SetStatus(RegistrationState.Failed, 0, "Cannot form the REGISTER: " + ex.Message, 0, _time.GetUtcNow());
            return;
        }
        registration.StateChanged += OnRegistrationChanged;
        lock (_gate)
        {
            _registrar = TrunkRegistrarAddressing.Describe(destination);
            if (cancellationToken.IsCancellationRequested) return;
            _registration = registration;
            registration.Start();
        }
    }

    /// <summary>The provider's address (a literal, or the first resolved address a listener can reach) and our address towards it.</summary>
    private async Task<(SipDestination Destination, IPEndPoint Local)> LocateAsync(CancellationToken cancellationToken)
    {
        var transport = TrunkRegistrarAddressing.TransportOf(_outbound);
        IPAddress[] addresses = IPAddress.TryParse(_outbound.Host, out var literal)
            ? [literal]
            : await _resolve(_outbound.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        foreach (var address in addresses)
        {
            var endPoint = new IPEndPoint(address, _outbound.Port);
            if (TrunkRegistrarAddressing.FindListener(_listeners, transport, endPoint) is not { } listener) continue;
            var local = new IPEndPoint(TrunkRegistrarAddressing.LocalAddressFor(listener, endPoint), listener.EndPoint.Port);
            return (new SipDestination(transport, endPoint), local);
        }
        throw new TrunkConfigurationException(
            $"profile {Profile} has no {transport.ToString().ToLowerInvariant()} listener for {string.Join(", ", addresses.Select(a => a.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4").Distinct())} " +
            $"to register trunk {Name} to {_outbound.Host}");
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await Task.Yield(); // never run the stop under the caller's lock
        Task? run;
        lock (_gate)
        {
            _stopping.Cancel();
            run = _run;
            _retryAt = null;
        }
        if (run is not null) await run.ConfigureAwait(false);
        OutboundRegistration? registration;
        lock (_gate) registration = _registration;
        if (registration is null)
        {
            SetStatus(RegistrationState.Unregistered, 0, "Stopped", 0, _time.GetUtcNow());
            return;
        }
        await registration.StopAsync(cancellationToken).ConfigureAwait(false);
        registration.StateChanged -= OnRegistrationChanged;
        await registration.DisposeAsync().ConfigureAwait(false);
    }
}
