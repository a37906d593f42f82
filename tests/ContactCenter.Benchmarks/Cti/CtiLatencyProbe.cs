using System.Diagnostics;

namespace ContactCenter.Benchmarks.Cti;

/// <summary>
/// Percentiles BenchmarkDotNet does not give: the time from publishing an event on the bus to its arrival at each of
/// 100 SSE subscribers (read from their sockets), at a steady rate; and the latency of a GET command.
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --cti-latency
/// </summary>
public static class CtiLatencyProbe
{
    private const int Subscribers = 100;
    private const int EventsPerSecond = 1_000; // × 100 subscribers: the goal of 100k deliveries/s
    private const int Seconds = 5;
    private const int WarmUpSeconds = 2;
    private const int Commands = 20_000;

    public static async Task RunAsync()
    {
        await using var server = await CtiBenchmarkServer.StartAsync();
        string token = server.CreateToken("probe");
        int total = EventsPerSecond * Seconds;
        // The measured events follow a warm-up of the same rate, so the figures are the steady state, not the JIT's
        // first tiers (which showed as a 100 ms tail on the first second of a fresh process).
        int warmUp = EventsPerSecond * WarmUpSeconds;
        long first = server.Bus.CurrentSeq + 1 + warmUp;
        var published = new long[total];
        var samples = new double[Subscribers][];
        var subscribers = new SseSubscriber[Subscribers];
        for (int s = 0; s < Subscribers; s++)
        {
            var mine = samples[s] = new double[total];
            subscribers[s] = await SseSubscriber.ConnectAsync(server.Address, token, await server.SubscribeAsync(token), seq =>
            {
                long index = seq - first;
                if (index >= 0 && index < total)
                    mine[index] = Stopwatch.GetElapsedTime(Volatile.Read(ref published[index])).TotalMilliseconds;
            });
        }
        await Task.Delay(500); // channels open

        var wait = new FanOutWait(Subscribers);
        foreach (var subscriber in subscribers)
            subscriber.Expect(first + total - 1, wait);
        var payload = new ContactCenter.Events.Contracts.CallChanged("c", "+12125550123", "5000", ContactCenter.Events.Contracts.CallProgress.Talking);
        var subject = new ContactCenter.Events.EventSubject(CallId: "c");
        await PublishSteadilyAsync(warmUp, _ => { });
        await PublishSteadilyAsync(total, i => Volatile.Write(ref published[i], Stopwatch.GetTimestamp()));

        async Task PublishSteadilyAsync(int count, Action<int> stamp)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < count;)
            {
                // Steady rate without burning a core: every millisecond or so, publish what is due by now.
                int due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * EventsPerSecond) + 1);
                for (; i < due; i++)
                {
                    stamp(i);
                    server.Bus.Publish(ContactCenter.Events.EventTypes.CallHeld, payload, subject);
                }
                await Task.Delay(1);
            }
        }
        await wait.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        int resyncs = subscribers.Sum(s => s.Resyncs);
        Console.WriteLine($"Publish → SSE subscriber, {Subscribers} subscribers, {EventsPerSecond:N0} events/s for {Seconds} s " +
            $"({(double)all.Length / Seconds:N0} deliveries/s) after {WarmUpSeconds} s of warm-up, {all.Length:N0} deliveries, {resyncs} resyncs: " + Percentiles(all, "ms"));
        foreach (var subscriber in subscribers)
            await subscriber.DisposeAsync();

        using var client = server.Client(token);
        var latencies = new double[Commands];
        for (int i = -1_000; i < Commands; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("/cti/v1/get_subscriptions");
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 0)
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(latencies);
        Console.WriteLine($"GET get_subscriptions ({Subscribers} subscriptions on the token), {Commands:N0} sequential requests: " + Percentiles(latencies, "µs"));
    }

    private static string Percentiles(double[] sorted, string unit)
    {
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return $"p50 {P(0.50):F2} {unit}, p90 {P(0.90):F2} {unit}, p99 {P(0.99):F2} {unit}, p99.9 {P(0.999):F2} {unit}, max {sorted[^1]:F2} {unit}";
    }
}
