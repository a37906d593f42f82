using ContactCenter.Events.InProcess;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Events.Tests;

/// <summary>Shared helpers: build a bus, drain a subscription, wait with a deadline instead of sleeping.</summary>
internal static class Subscriptions
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static InProcessEventBus NewBus(int history = 1024, int buffer = 1024, int replayBatch = 256) =>
        new(new FakeTimeProvider(), new InProcessEventBusOptions
        {
            HistoryCapacity = history,
            SubscriberBufferCapacity = buffer,
            ReplayBatchSize = replayBatch,
        });

    /// <summary>Everything readable right now, without waiting.</summary>
    public static List<EventEnvelope> Drain(IEventSubscription subscription)
    {
        var events = new List<EventEnvelope>();
        while (subscription.TryRead(out var envelope))
            events.Add(envelope);
        return events;
    }

    public static List<long> Seqs(this IEnumerable<EventEnvelope> events) => events.Select(e => e.Seq).ToList();

    public static List<long> Range(long first, long last) =>
        last < first ? [] : Enumerable.Range(0, checked((int)(last - first + 1))).Select(i => first + i).ToList();

    /// <summary>Reads until an event with seq >= <paramref name="lastSeq"/> arrives, within the deadline.</summary>
    public static async Task<List<long>> ReadThroughAsync(IEventSubscription subscription, long lastSeq)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var seqs = new List<long>();
        await foreach (var envelope in subscription.ReadAllAsync(cts.Token))
        {
            seqs.Add(envelope.Seq);
            if (envelope.Seq >= lastSeq)
                break;
        }
        return seqs;
    }

    public static void PublishMany(IEventBus bus, int count, string type = "test.tick")
    {
        for (int i = 0; i < count; i++)
            bus.Publish(type, i);
    }
}
