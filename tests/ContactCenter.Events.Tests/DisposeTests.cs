using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

public sealed class DisposeTests
{
    [Fact]
    public async Task Dispose_stops_delivery_at_once_even_of_buffered_events()
    {
        var bus = NewBus();
        var subscription = bus.Subscribe(EventFilter.All);
        bus.Publish("test.tick");
        Assert.True(subscription.TryRead(out _));
        PublishMany(bus, 3); // buffered, not read

        await subscription.DisposeAsync();
        PublishMany(bus, 3);

        Assert.Equal(EventSubscriptionState.Disposed, subscription.State);
        Assert.Equal(0, bus.LiveSubscriberCount);
        Assert.False(subscription.TryRead(out _));
        Assert.False(await subscription.WaitToReadAsync());
        await foreach (var unexpected in subscription.ReadAllAsync())
            Assert.Fail($"delivered {unexpected} after dispose");
    }

    [Fact]
    public async Task Dispose_wakes_a_parked_reader_which_ends_normally()
    {
        var bus = NewBus();
        var subscription = bus.Subscribe(EventFilter.All);
        var seen = new List<long>();
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(async () =>
        {
            await foreach (var envelope in subscription.ReadAllAsync())
            {
                seen.Add(envelope.Seq);
                firstRead.TrySetResult();
            }
        });
        bus.Publish("test.tick");
        await firstRead.Task.WaitAsync(Deadline); // the reader is now parked waiting for more

        await subscription.DisposeAsync();

        await reader.WaitAsync(Deadline); // completes, and without an exception
        Assert.Equal([1L], seen);
    }

    [Fact]
    public async Task Dispose_while_catching_up_stops_the_replay()
    {
        var bus = NewBus(replayBatch: 2);
        PublishMany(bus, 10);
        var subscription = bus.Subscribe(EventFilter.All, fromSeq: 1);
        Assert.True(subscription.TryRead(out _));

        await subscription.DisposeAsync();

        Assert.False(subscription.TryRead(out _));
        Assert.Equal(0, bus.LiveSubscriberCount);
    }

    [Fact]
    public async Task Dispose_after_a_resync_notice_and_twice_is_harmless()
    {
        var bus = NewBus(buffer: 1);
        var subscription = bus.Subscribe(EventFilter.All);
        PublishMany(bus, 3);
        Assert.Equal(EventSubscriptionState.ResyncRequired, subscription.State);

        await subscription.DisposeAsync();
        await subscription.DisposeAsync();

        Assert.Equal(EventSubscriptionState.Disposed, subscription.State);
        Assert.False(await subscription.WaitToReadAsync());
    }

    [Fact]
    public async Task Cancelling_a_wait_loses_no_event()
    {
        var bus = NewBus();
        await using var subscription = bus.Subscribe(EventFilter.All);
        using var cts = new CancellationTokenSource();
        var wait = subscription.WaitToReadAsync(cts.Token).AsTask();

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Deadline));
        bus.Publish("test.tick");

        Assert.True(await subscription.WaitToReadAsync().AsTask().WaitAsync(Deadline));
        Assert.Equal([1L], Drain(subscription).Seqs());
    }

    [Fact]
    public async Task ReadAllAsync_honours_cancellation_while_events_keep_flowing()
    {
        var bus = NewBus(buffer: 100);
        await using var subscription = bus.Subscribe(EventFilter.All);
        PublishMany(bus, 10);
        using var cts = new CancellationTokenSource();

        var seen = new List<long>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var envelope in subscription.ReadAllAsync(cts.Token))
            {
                seen.Add(envelope.Seq);
                if (envelope.Seq == 3)
                    cts.Cancel();
            }
        });

        Assert.Equal(Range(1, 3), seen);
        Assert.Equal(Range(4, 10), Drain(subscription).Seqs()); // the rest is still there
    }
}
