using System.Net;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.Sip.Usages.Registrar;
using Microsoft.Extensions.Time.Testing;
using SipTransportKind = ContactCenter.Sip.Messages.SipTransportKind;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>
/// End to end on loopback UDP: our registrar (a whole <see cref="SipStack"/>, real time) and a client transport and
/// transaction layer on another socket, with the registration's own timers on a fake clock.
/// </summary>
public sealed class OutboundRegistrationAgainstOwnRegistrarTests : IAsyncLifetime
{
    private const string Realm = "e2e.test";

    private readonly InMemorySipCredentialStore _credentials = new();
    private readonly LocationService _location = new(TimeProvider.System, TimeSpan.FromSeconds(1));
    private readonly FakeTimeProvider _clientTime = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly List<OutboundRegistration> _registrations = [];
    private SipStack _server = null!;
    private SipTransportLayer _clientTransport = null!;
    private SipTransactionLayer _clientTransactions = null!;
    private IPEndPoint _serverEndPoint = null!;
    private IPEndPoint _clientEndPoint = null!;

    public Task InitializeAsync()
    {
        _credentials.Set("2001", Realm, "right-2001");
        _credentials.Set("2002", Realm, "right-2002");
        _server = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            Registrar = new RegistrarOptions { Realm = Realm, MinExpires = 60 },
        }, _credentials, _location, NullSipLog.Instance, TimeProvider.System);
        _server.Start();
        _serverEndPoint = _server.LocalEndPoints[0].EndPoint;

        _clientTransport = new SipTransportLayer(
            new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            NullSipLog.Instance, TimeProvider.System);
        _clientTransactions = new SipTransactionLayer(_clientTransport, TimeProvider.System, SipTimerSettings.Default, new NullTransactionUser());
        _clientTransport.Start(_clientTransactions);
        _clientEndPoint = _clientTransport.LocalEndPoints[0].EndPoint;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var registration in _registrations)
            await registration.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token).WaitAsync(TimeSpan.FromSeconds(10));
        await _clientTransport.DisposeAsync();
        _clientTransactions.Dispose();
        await _server.DisposeAsync();
        _location.Dispose();
    }

    private OutboundRegistration Create(string user, string password, int expires, IPEndPoint? server = null)
    {
        var serverEndPoint = server ?? _serverEndPoint;
        var registration = new OutboundRegistration(new OutboundRegistrationOptions
        {
            Aor = $"sip:{user}@127.0.0.1",
            RegistrarUri = $"sip:127.0.0.1:{serverEndPoint.Port}",
            Destination = new SipDestination(SipTransportKind.Udp, serverEndPoint),
            Contact = $"sip:{user}@127.0.0.1:{_clientEndPoint.Port}",
            ViaSentBy = $"127.0.0.1:{_clientEndPoint.Port}",
            RequestedExpires = expires,
        }, _clientTransactions, SipClientCredentials.FromPassword(user, password, Realm), _clientTime);
        _registrations.Add(registration);
        return registration;
    }

    [Fact]
    public async Task Registers_refreshes_on_the_client_clock_and_unregisters()
    {
        var registration = Create("2001", "right-2001", expires: 120);
        var states = new StateRecorder(registration);
        registration.Start();

        var up = await states.WaitForAsync(RegistrationState.Registered);
        Assert.Equal(120, up.GrantedExpires);
        var binding = Assert.Single(_location.Lookup("2001"));
        Assert.Equal($"sip:2001@127.0.0.1:{_clientEndPoint.Port}", binding.ContactUri);
        Assert.Equal(registration.CallId, binding.CallId);
        Assert.Equal(2u, binding.CSeq); // REGISTER → 401 → REGISTER with credentials

        // The refresh is due at 120 − 32 s on the client's clock: REGISTER (401) and REGISTER with credentials again.
        Assert.Equal(_clientTime.GetUtcNow() + TimeSpan.FromSeconds(88), registration.NextAttemptAt);
        _clientTime.Advance(TimeSpan.FromSeconds(88));
        var refreshed = await WaitForBindingAsync("2001", b => b.CSeq == 4u);
        Assert.Equal(registration.CallId, refreshed.CallId);
        Assert.Equal(RegistrationState.Registered, registration.State);

        await registration.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_location.Lookup("2001"));
        var off = await states.WaitForAsync(RegistrationState.Unregistered);
        Assert.Equal(200, off.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_failed_with_the_registrars_403()
    {
        var registration = Create("2002", "wrong-2002", expires: 300);
        var states = new StateRecorder(registration);
        registration.Start();

        var down = await states.WaitForAsync(RegistrationState.Failed);
        Assert.Equal(403, down.StatusCode);
        Assert.Equal("Forbidden", down.Reason);
        Assert.Empty(_location.Lookup("2002"));
        Assert.InRange((registration.NextAttemptAt!.Value - _clientTime.GetUtcNow()).TotalSeconds, 24, 30);
    }

    [Fact]
    public async Task Too_brief_interval_is_raised_to_the_registrars_min_expires()
    {
        var registration = Create("2001", "right-2001", expires: 20);
        var states = new StateRecorder(registration);
        registration.Start();

        var up = await states.WaitForAsync(RegistrationState.Registered);
        Assert.Equal(60, up.GrantedExpires);
        Assert.Equal(60, Assert.Single(_location.Lookup("2001")).RemainingSeconds(DateTimeOffset.UtcNow), tolerance: 2);
    }

    [Fact]
    public async Task Sha256_is_chosen_when_the_registrar_offers_it_beside_md5()
    {
        // 2003 has only a SHA-256 HA1 on the server: an MD5 answer could not verify and would get 403.
        var credentials = new InMemorySipCredentialStore();
        credentials.SetHa1("2003", Realm, DigestAlgorithm.Sha256, DigestHash.ComputeHa1(DigestAlgorithm.Sha256, "2003", Realm, "right-2003"));
        using var location = new LocationService(TimeProvider.System, TimeSpan.FromSeconds(1));
        await using var server = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            Registrar = new RegistrarOptions { Realm = Realm },
            DigestAlgorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Sha256],
        }, credentials, location, NullSipLog.Instance, TimeProvider.System);
        server.Start();

        var registration = Create("2003", "right-2003", expires: 300, server.LocalEndPoints[0].EndPoint);
        var states = new StateRecorder(registration);
        registration.Start();
        var up = await states.WaitForAsync(RegistrationState.Registered);
        Assert.Equal(300, up.GrantedExpires);
        Assert.Single(location.Lookup("2003"));
        await registration.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(location.Lookup("2003"));
    }

    private async Task<RegistrationBinding> WaitForBindingAsync(string aor, Func<RegistrationBinding, bool> condition)
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(RegistrationEvent _) => changed.TrySetResult();
        _location.Changed += OnChanged;
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (true)
            {
                var match = _location.Lookup(aor).FirstOrDefault(condition);
                if (match is not null) return match;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) throw new TimeoutException($"No binding of {aor} matched.");
                await changed.Task.WaitAsync(left);
                changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        finally
        {
            _location.Changed -= OnChanged;
        }
    }
}
