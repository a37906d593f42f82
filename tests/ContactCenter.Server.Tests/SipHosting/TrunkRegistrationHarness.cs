using System.Net;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using ContactCenter.Server.SipHosting;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Telephony.Routing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Server.Tests.SipHosting;

/// <summary>
/// One trunk registration on a real loopback UDP transport with every timer on a <see cref="FakeTimeProvider"/>, its
/// events on an in-process bus subscribed from the first, and a scripted provider registrar.
/// </summary>
internal sealed class TrunkRegistrationHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly SipTransportLayer _transport;
    private readonly SipTransactionLayer _transactions;

    public TrunkRegistrationHarness(Func<IPEndPoint, TrunkOutboundConfig>? outbound = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null, SipTransportKind listen = SipTransportKind.Udp)
    {
        Time = new FakeTimeProvider(Start);
        Bus = new InProcessEventBus(Time);
        Events = Bus.Subscribe(new EventFilter());
        _transport = new SipTransportLayer(
            new SipTransportOptions { Listen = [new ContactCenter.Sip.Transport.SipListenEndpoint(listen, new IPEndPoint(IPAddress.Loopback, 0))] },
            NullSipLog.Instance, Time);
        _transactions = new SipTransactionLayer(_transport, Time, SipTimerSettings.Default, new ClientOnlyTransactionUser());
        _transport.Start(_transactions);
        var config = (outbound ?? DefaultOutbound)(Registrar.EndPoint);
        Trunk = RoutingTable.Create(new RoutingConfiguration
        {
            Profiles = [new RoutingProfileConfig
            {
                Name = "office",
                Trunks = [new TrunkConfig { Name = "carrier-1", DefaultCountry = "BR", Outbound = config }],
            }],
        }).Trunks.Single();
        Registration = new TrunkRegistration(Trunk, _transactions, _transport.LocalEndPoints, Bus, Time, new TrunkRegistrationSettings(),
            resolve: resolve);
        Registry.Add(Registration);
    }

    public FakeTimeProvider Time { get; }
    public InProcessEventBus Bus { get; }
    public IEventSubscription Events { get; }
    public ScriptedProviderRegistrar Registrar { get; } = new();
    public Trunk Trunk { get; }
    public TrunkRegistration Registration { get; }
    public TrunkStatusRegistry Registry { get; } = new();
    public int LocalPort => _transport.LocalEndPoints[0].EndPoint.Port;

    public static TrunkOutboundConfig DefaultOutbound(IPEndPoint registrar) => new()
    {
        Host = registrar.Address.ToString(),
        Port = registrar.Port,
        Username = "acct-1",
        Password = "provider-secret",
        Register = true,
        RegisterExpires = TimeSpan.FromSeconds(600),
    };

    /// <summary>The next event on the bus, of the given type.</summary>
    public async Task<ContactCenter.Events.Contracts.TrunkRegistrationChanged> NextEventAsync(string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await Events.WaitToReadAsync(cts.Token));
        Assert.True(Events.TryRead(out var envelope));
        Assert.Equal(type, envelope!.Type);
        return Assert.IsType<ContactCenter.Events.Contracts.TrunkRegistrationChanged>(envelope.Payload);
    }

    /// <summary>Asserts no event is waiting (all the events of the steps awaited so far were read).</summary>
    public void NoMoreEvents()
    {
        if (Events.TryRead(out var envelope)) Assert.Fail($"Unexpected event {envelope!.Type}: {envelope.Payload}");
    }

    /// <summary>Waits for a status the registration reaches after a response with no event (a refresh).</summary>
    public async Task<TrunkStatus> StatusWhenAsync(Func<TrunkStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var status = Registration.Status;
            if (condition(status)) return status;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out; the status is {status}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Registration.StopAsync(cts.Token);
        await Registration.DisposeAsync();
        await _transport.DisposeAsync();
        _transactions.Dispose();
        await Registrar.DisposeAsync();
        await Events.DisposeAsync();
    }

    private sealed class ClientOnlyTransactionUser : ISipTransactionUser
    {
        public void OnRequest(ServerTransaction transaction)
        {
        }

        public void OnStrayAck(SipMessage ack)
        {
        }

        public void OnStrayResponse(SipMessage response)
        {
        }
    }
}
