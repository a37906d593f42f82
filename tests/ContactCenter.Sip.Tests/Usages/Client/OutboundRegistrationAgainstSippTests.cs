using System.Net;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.TestPeers;
using Microsoft.Extensions.Time.Testing;
using SipTransportKind = ContactCenter.Sip.Messages.SipTransportKind;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>
/// OutboundRegistration against sipp playing a Digest registrar (tests/load/register_uas_digest.xml: 401 with an MD5
/// challenge without qop, then 200 when sipp's own verifyauth accepts the digest, else 403): a peer nobody here wrote.
/// </summary>
public sealed class OutboundRegistrationAgainstSippTests : IAsyncLifetime
{
    private const string User = "trunkuser";
    private const string Password = "trunk-secret";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "contactcenter-uacreg", Guid.NewGuid().ToString("N"));
    private SipTransportLayer _transport = null!;
    private SipTransactionLayer _transactions = null!;
    private readonly List<OutboundRegistration> _registrations = [];
    private SippProcess? _sipp;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        // The stand-in looks the user up by field 0 and checks the digest against field 1 (tests/load/README.md).
        File.WriteAllLines(Path.Combine(_directory, "users.csv"),
            ["SEQUENTIAL", $"{User};{Password};[authentication username={User} password={Password}];[authentication username={User} password=x]"]);
        _sipp = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Path.Combine(RepositoryRoot(), "tests", "load", "register_uas_digest.xml")),
            WorkingDirectory = _directory,
            InjectionFile = "users.csv",
            InjectionIndexField = 0,
            GlobalTimeout = TimeSpan.FromSeconds(60),
            StopGracePeriod = TimeSpan.FromSeconds(1),
        });
        await _sipp.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));

        _transport = new SipTransportLayer(
            new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            NullSipLog.Instance, TimeProvider.System);
        _transactions = new SipTransactionLayer(_transport, TimeProvider.System, SipTimerSettings.Default, new NullTransactionUser());
        _transport.Start(_transactions);
    }

    public async Task DisposeAsync()
    {
        // sipp is stopped by its PID whatever happened; the transport goes first so no unregistration waits on it.
        if (_transport is not null) await _transport.DisposeAsync();
        _transactions?.Dispose();
        foreach (var registration in _registrations) await registration.DisposeAsync();
        if (_sipp is not null) await _sipp.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a temp directory, nothing depends on it.
        }
    }

    private OutboundRegistration Create(string password)
    {
        int local = _transport.LocalEndPoints[0].EndPoint.Port;
        var registration = new OutboundRegistration(new OutboundRegistrationOptions
        {
            Aor = $"sip:{User}@127.0.0.1",
            RegistrarUri = $"sip:127.0.0.1:{_sipp!.LocalPort}",
            Destination = new SipDestination(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, _sipp.LocalPort)),
            Contact = $"sip:{User}@127.0.0.1:{local}",
            ViaSentBy = $"127.0.0.1:{local}",
            RequestedExpires = 300,
        }, _transactions, SipClientCredentials.FromPassword(User, password), new FakeTimeProvider());
        _registrations.Add(registration);
        return registration;
    }

    [Fact]
    public async Task Sipp_accepts_our_digest_and_the_echoed_contact_grants_what_was_asked()
    {
        var registration = Create(Password);
        var states = new StateRecorder(registration);
        registration.Start();
        var up = await states.WaitForAsync(RegistrationState.Registered, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(200, up.StatusCode);
        Assert.Equal(300, up.GrantedExpires); // sipp echoes the Contact bare, without an Expires header
    }

    [Fact]
    public async Task Sipp_rejects_a_wrong_password_with_403_and_the_registration_fails()
    {
        var registration = Create("not-the-password");
        var states = new StateRecorder(registration);
        registration.Start();
        var down = await states.WaitForAsync(RegistrationState.Failed, timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(403, down.StatusCode);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln"))) return directory.FullName;
        throw new InvalidOperationException("ContactCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
