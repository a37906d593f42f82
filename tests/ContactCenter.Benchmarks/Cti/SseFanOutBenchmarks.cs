using BenchmarkDotNet.Attributes;
using ContactCenter.Events;
using ContactCenter.Events.Contracts;

namespace ContactCenter.Benchmarks.Cti;

/// <summary>
/// CTI-09 fan-out: events published on the bus and delivered to N SSE subscribers on real Kestrel sockets (goal: ≥ 100k
/// deliveries/s with 100 subscribers). One operation is one published event delivered to every subscriber, so
/// deliveries/s = Subscribers / Mean and allocation per delivery = Allocated / Subscribers. Allocation is the whole
/// process's (the server's bus, channel sessions and Kestrel, plus the clients, which allocate nothing per event).
/// </summary>
[MemoryDiagnoser]
public class SseFanOutBenchmarks
{
    private const int EventsPerInvoke = 2_000;

    private CtiBenchmarkServer _server = null!;
    private SseSubscriber[] _subscribers = [];
    private readonly CallChanged _payload = new("6f1c2a9e4b7d4c0f9a3e5d8b7c6a1f20", "+12125550123", "5000", CallProgress.Talking)
    {
        Direction = CallRecordDirection.Inbound,
        Trunk = "carrier",
        Did = "+12125550199",
        Service = "support",
        ConnectedParty = "1001",
        Party = "1001",
        By = "ana",
    };

    [Params(1, 100)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await CtiBenchmarkServer.StartAsync();
        string token = _server.CreateToken("bench");
        _subscribers = new SseSubscriber[Subscribers];
        for (int i = 0; i < Subscribers; i++)
            _subscribers[i] = await SseSubscriber.ConnectAsync(_server.Address, token, await _server.SubscribeAsync(token));
        await FanOutAsync(); // every channel open and streaming before the first measurement
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public Task FanOutAsync()
    {
        var bus = _server.Bus;
        var wait = new FanOutWait(_subscribers.Length);
        long target = bus.CurrentSeq + EventsPerInvoke;
        foreach (var subscriber in _subscribers)
            subscriber.Expect(target, wait);
        var subject = new EventSubject(CallId: _payload.CallId, AgentId: "ana", ServiceId: "support", Media: "voice");
        for (int i = 0; i < EventsPerInvoke; i++)
            bus.Publish(EventTypes.CallHeld, _payload, subject);
        return wait.Task;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        int resyncs = _subscribers.Sum(s => s.Resyncs);
        foreach (var subscriber in _subscribers)
            await subscriber.DisposeAsync();
        await _server.DisposeAsync();
        // A subscriber that fell so far behind that it had to re-sync did not get every event: the figure would lie.
        if (resyncs > 0)
            throw new InvalidOperationException($"{resyncs} resync_required notices: the subscribers did not receive every event.");
    }
}
