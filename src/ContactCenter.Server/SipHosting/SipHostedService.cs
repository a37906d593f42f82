using System.Net;
using ContactCenter.Server.Configuration;
using ContactCenter.Server.SipDirectory;
using ContactCenter.Sip;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using Microsoft.Extensions.Options;
using SipRegistrarOptions = ContactCenter.Sip.Usages.Registrar.RegistrarOptions;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// Runs one <see cref="SipStack"/> per profile for the life of the host, all registering into one
/// <see cref="LocationService"/>, each with its call engine (B2BUA) on the host's one media engine.
/// </summary>
public sealed class SipHostedService(
    SipProfileCatalog catalog,
    ExtensionDirectory directory,
    IOptions<ContactCenterOptions> options,
    LocationService location,
    RegistrationEventBridge registrationEvents,
    MediaEngineHost media,
    CdrStore cdr,
    ContactCenter.Telephony.Recordings.RecordingStore recordings,
    IServiceProvider services,
    ContactCenter.Telephony.Routing.RoutingTable routing,
    IEventBus bus,
    IConfiguration configuration,
    ILoggerFactory loggers,
    TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<SipHostedService>();
    private readonly List<SipStack> _stacks = [];
    private readonly List<CallEngine> _calls = [];
    private int _disposed;
    /// <summary>Held so it is created with the stacks: no registration change goes unpublished.</summary>
    internal RegistrationEventBridge RegistrationEvents { get; } = registrationEvents;

    public IReadOnlyList<SipStack> Stacks => _stacks;

    /// <summary>The call engine of each stack, in the order of <see cref="Stacks"/>.</summary>
    public IReadOnlyList<CallEngine> CallEngines => _calls;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sip = options.Value.Sip;
        var log = new SipLogAdapter(loggers);
        var credentials = new ExtensionCredentialAdapter(directory);
        int closed = cdr.CloseInterrupted();
        if (closed > 0) _logger.LogWarning("{Count} calls were cut by the last stop; their CDRs are closed as ended by restart", closed);
        int interrupted = recordings.CloseInterrupted();
        if (interrupted > 0) _logger.LogWarning("{Count} recordings were cut by the last stop; marked interrupted (their files were repaired)", interrupted);
        int maxPendingWork = configuration.GetValue("ContactCenter:Calls:MaxPendingWork", 10_000);
        if (maxPendingWork < 1)
            throw new OptionsValidationException("ContactCenter:Calls", typeof(CallEngineOptions),
                [$"ContactCenter:Calls:MaxPendingWork is {maxPendingWork}; it must be at least 1 (queued call work items past which new calls get 503)."]);
        var callOptions = new CallEngineOptions
        {
            NoAnswerTimeout = configuration.GetValue("ContactCenter:Calls:NoAnswerTimeout", TimeSpan.FromSeconds(60)),
            MaxPendingWork = maxPendingWork,
        };
        var recorded = catalog.Profiles.SelectMany(p => p.Extensions).Where(e => e.Record).Select(e => e.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var profile in catalog.Profiles)
        {
            var stackOptions = BuildOptions(profile, sip);
            var stack = new SipStack(stackOptions, credentials, location, log, time);
            var calls = new CallEngine(stack.Transactions, stack.Transport, location, media.Engine,
                number => directory.TryGetExtension(number, out _), callOptions, cdr, bus, log, time)
            {
                Routing = routing,
                Recordings = recordings,
                RecordsExtension = recorded.Contains,
                // The ACD owns the DIDs that are its services' entry points (answered and queued, then offered to agents).
                Queue = services.GetService<ContactCenter.Server.Acd.AcdVoiceBridge>(),
                Profile = profile.Name,
                // Extensions answer a 407 with the same credentials they register with; trunks are known by address.
                Authentication = configuration.GetValue("ContactCenter:Calls:AuthenticateInvites", true)
                    ? new InviteAuthentication(stack.Authenticator, stackOptions.Registrar.Realm)
                    : null,
            };
            stack.Core.AttachSessions(calls);
            try
            {
                stack.Start();
            }
            catch
            {
                _ = stack.DisposeAsync();
                throw;
            }
            _stacks.Add(stack);
            _calls.Add(calls);
            foreach (var endpoint in stack.LocalEndPoints)
                _logger.LogInformation("SIP profile {Profile} listening on {Transport} {EndPoint} (realm {Realm})",
                    profile.Name, endpoint.Transport, endpoint.EndPoint, stackOptions.Registrar.Realm);
        }
        return Task.CompletedTask;
    }

    internal static SipStackOptions BuildOptions(SipProfile profile, SipOptions sip) => new()
    {
        Name = profile.Name ?? "default",
        Transport = new SipTransportOptions
        {
            Listen = profile.Listen.Select(l => new ContactCenter.Sip.Transport.SipListenEndpoint(
                l.Protocol == SipListenTransport.Tcp ? SipTransportKind.Tcp : SipTransportKind.Udp,
                new IPEndPoint(IPAddress.Parse(l.Address), l.Port))).ToArray(),
            MaxMessageSize = Math.Min(sip.MaxMessageSize, SipLimits.MaxMessageSize),
            SocketBufferBytes = sip.SocketBufferBytes,
        },
        Timers = new SipTimerSettings { T1 = sip.T1, T2 = sip.T2, T4 = sip.T4, TryingDelay = sip.TryingDelay },
        Registrar = new SipRegistrarOptions
        {
            Realm = profile.Realm ?? profile.Name ?? "default",
            MinExpires = sip.Registrar.MinExpires,
            MaxExpires = sip.Registrar.MaxExpires,
            DefaultExpires = sip.Registrar.DefaultExpires,
        },
        DigestAlgorithms = sip.Registrar.DigestAlgorithmList.Select(ParseAlgorithm).ToArray(),
        NonceLifetime = sip.Registrar.NonceLifetime,
        AuthFailures = new AuthFailureLimiterOptions
        {
            MaxFailures = sip.Registrar.AuthFailureLimit,
            FailureWindow = sip.Registrar.AuthFailureWindow,
            BlockDuration = sip.Registrar.BlockDuration,
        },
    };

    internal static DigestAlgorithm ParseAlgorithm(string name) =>
        DigestAlgorithms.TryParse(System.Text.Encoding.ASCII.GetBytes(name), out var algorithm)
            ? algorithm
            : throw new InvalidOperationException($"Unknown digest algorithm '{name}' (use MD5 or SHA-256).");

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Stops every stack once: the host's StopAsync and the container's dispose both get here, possibly together.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Calls first: their BYEs still need the sockets.
        foreach (var calls in _calls) calls.Dispose();
        await Task.WhenAny(Task.WhenAll(_calls.SelectMany(c => c.ActiveCalls).Select(c => c.Ended)), Task.Delay(TimeSpan.FromSeconds(2), time));
        _calls.Clear();
        foreach (var stack in _stacks) await stack.DisposeAsync();
        _stacks.Clear();
    }
}
