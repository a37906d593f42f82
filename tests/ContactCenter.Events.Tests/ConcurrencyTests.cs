using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

public sealed class ConcurrencyTests
{
    private const int Publishers = 4;
    private const int PerPublisher = 10_000;
    private const int Total = Publishers * PerPublisher;

    [Fact]
    public async Task Concurrent_publishers_produce_gap_free_seqs_that_every_subscriber_sees_in_order_exactly_once()
    {
        var bus = NewBus(history: 1024, buffer: Total);
        var everything = Enumerable.Range(0, 3).Select(_ => bus.Subscribe(EventFilter.All)).ToList();
        var onlyPublisher2 = bus.Subscribe(new EventFilter { Types = ["p2.*"] });
        var readers = everything.Select(s => Task.Run(() => ReadThroughAsync(s, Total))).ToList();
        var filteredReader = Task.Run(() => ReadPayloadsAsync(onlyPublisher2, PerPublisher));

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var publishers = Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            await go.Task;
            var seqs = new long[PerPublisher];
            for (int i = 0; i < PerPublisher; i++)
                seqs[i] = bus.Publish($"p{p}.tick", i).Seq;
            return seqs;
        })).ToList();
        go.SetResult();

        var returned = (await Task.WhenAll(publishers).WaitAsync(Deadline)).SelectMany(s => s).Order().ToList();
        Assert.Equal(Range(1, Total), returned);
        Assert.Equal(Total, bus.CurrentSeq);

        foreach (var seqs in await Task.WhenAll(readers).WaitAsync(Deadline))
            Assert.Equal(Range(1, Total), seqs);
        // One publisher's events reach a filtered subscriber complete and in that publisher's order.
        Assert.Equal(Enumerable.Range(0, PerPublisher).ToList(), await filteredReader.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Replay_from_a_seq_while_publishers_run_switches_to_live_with_no_gap_and_no_duplicate()
    {
        // Publishers keep going until the subscriber has switched from replay to live, so the switch
        // always happens under concurrent publishing; small replay batches make the reader take the
        // lock often, so the switch lands at a different point in each round.
        for (int round = 0; round < 40; round++)
        {
            var bus = NewBus(history: 1 << 18, buffer: 1 << 18, replayBatch: 1 + round % 5);
            PublishMany(bus, 500);
            long from = 1 + round * 11;
            await using var subscription = bus.Subscribe(EventFilter.All, fromSeq: from);
            Assert.Equal(EventSubscriptionState.CatchingUp, subscription.State);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var publishers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await go.Task;
                for (int i = 1; subscription.State == EventSubscriptionState.CatchingUp; i++)
                {
                    bus.Publish("test.tick");
                    if (i % 256 == 0)
                        await Task.Yield(); // let the reader run even when the pool is busy
                }
                PublishMany(bus, 500); // and some more once it is live
            })).ToList();
            var reader = Task.Run(() => ReadUntilEndAsync(subscription));
            go.SetResult();

            await Task.WhenAll(publishers).WaitAsync(Deadline);
            long end = bus.Publish("test.end").Seq;
            Assert.Equal(Range(from, end), await reader.WaitAsync(Deadline));
            Assert.Equal(EventSubscriptionState.Live, subscription.State);
        }
    }

    [Fact]
    public async Task Subscribing_and_disposing_while_publishers_run_never_breaks_order()
    {
        var bus = NewBus(history: 65_536, buffer: 65_536);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var publishers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await go.Task;
            PublishMany(bus, 10_000);
        })).ToList();
        go.SetResult();

        // Subscribers come and go from the current position while events flow; each one must see a
        // contiguous run starting where it joined.
        var churn = Task.Run(async () =>
        {
            for (int i = 0; i < 200; i++)
            {
                long joinedAt = bus.CurrentSeq;
                await using var subscription = bus.Subscribe(EventFilter.All);
                var seen = Drain(subscription).Seqs();
                await Task.Yield();
                seen.AddRange(Drain(subscription).Seqs());
                Assert.True(seen.Count == 0 || seen[0] > joinedAt);
                for (int k = 1; k < seen.Count; k++)
                    Assert.Equal(seen[k - 1] + 1, seen[k]);
            }
        });

        await Task.WhenAll([.. publishers, churn]).WaitAsync(Deadline);
        Assert.Equal(20_000, bus.CurrentSeq);
        Assert.Equal(0, bus.LiveSubscriberCount);
    }

    private static async Task<List<long>> ReadUntilEndAsync(IEventSubscription subscription)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var seqs = new List<long>();
        await foreach (var envelope in subscription.ReadAllAsync(cts.Token))
        {
            seqs.Add(envelope.Seq);
            if (envelope.Type == "test.end")
                break;
        }
        return seqs;
    }

    private static async Task<List<int>> ReadPayloadsAsync(IEventSubscription subscription, int count)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var payloads = new List<int>();
        await foreach (var envelope in subscription.ReadAllAsync(cts.Token))
        {
            payloads.Add((int)envelope.Payload!);
            if (payloads.Count == count)
                break;
        }
        return payloads;
    }
}
