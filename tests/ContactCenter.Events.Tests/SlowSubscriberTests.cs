using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

public sealed class SlowSubscriberTests
{
    [Fact]
    public async Task A_subscriber_that_reads_nothing_never_blocks_the_publisher_and_is_told_to_resync()
    {
        var bus = NewBus(history: 2048, buffer: 16);
        await using var stalled = bus.Subscribe(EventFilter.All);
        await using var healthy = bus.Subscribe(EventFilter.All);
        var healthySeen = new List<long>();

        await Task.Run(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                bus.Publish("test.tick");
                healthySeen.AddRange(Drain(healthy).Seqs()); // keeps up; `stalled` reads nothing
            }
        }).WaitAsync(Deadline);

        Assert.Equal(1000, bus.CurrentSeq);
        Assert.Equal(Range(1, 1000), healthySeen);
        Assert.Equal(EventSubscriptionState.Live, healthy.State);
        Assert.Equal(EventSubscriptionState.ResyncRequired, stalled.State);
        Assert.Equal(1, bus.LiveSubscriberCount); // the stalled one costs the publisher nothing any more

        Assert.Equal(Range(1, 16), Drain(stalled).Seqs()); // what it was given is still delivered
        Assert.Equal(16, stalled.Position);
        var notice = await Assert.ThrowsAsync<EventResyncRequiredException>(() => stalled.WaitToReadAsync().AsTask());
        Assert.Equal(ResyncReason.SubscriberOverflow, notice.Reason);
        Assert.Equal(16, notice.LastSeq);
        Assert.Equal(17, notice.ResumeFromSeq);

        // The cheap recovery: the ring still holds 17.., so re-subscribing from there loses nothing.
        await using var resumed = bus.Subscribe(EventFilter.All, fromSeq: notice.ResumeFromSeq);
        Assert.Equal(Range(17, 1000), Drain(resumed).Seqs());
    }

    [Fact]
    public async Task Publishing_completes_while_a_reader_waits_but_never_consumes()
    {
        var bus = NewBus(history: 64, buffer: 4);
        await using var subscription = bus.Subscribe(EventFilter.All);
        var pendingWait = subscription.WaitToReadAsync().AsTask(); // a consumer parked on the channel

        await Task.Run(() => PublishMany(bus, 100_000)).WaitAsync(Deadline);

        Assert.True(await pendingWait.WaitAsync(Deadline));
        Assert.Equal(Range(1, 4), Drain(subscription).Seqs());
        var notice = await Assert.ThrowsAsync<EventResyncRequiredException>(() => subscription.WaitToReadAsync().AsTask());
        Assert.Equal(4, notice.LastSeq);
    }

    [Fact]
    public async Task Overflow_of_a_filtered_subscriber_reports_the_seq_before_the_first_event_it_missed()
    {
        var bus = NewBus(buffer: 2);
        await using var subscription = bus.Subscribe(new EventFilter { Types = ["a.x"] });

        foreach (string type in new[] { "a.x", "b.x", "a.x", "b.x", "b.x", "a.x", "a.x" })
            bus.Publish(type); // a.x at 1, 3, 6 (overflows), 7

        Assert.Equal([1L, 3L], Drain(subscription).Seqs());
        var notice = await Assert.ThrowsAsync<EventResyncRequiredException>(() => ReadThroughAsync(subscription, long.MaxValue));
        Assert.Equal(5, notice.LastSeq); // 4 and 5 were not wanted; 6 was missed
        Assert.Equal(5, subscription.Position);
    }

    [Fact]
    public async Task ReadAllAsync_yields_the_buffered_events_before_the_resync_notice()
    {
        var bus = NewBus(buffer: 3);
        await using var subscription = bus.Subscribe(EventFilter.All);
        PublishMany(bus, 10);

        var seen = new List<long>();
        var notice = await Assert.ThrowsAsync<EventResyncRequiredException>(async () =>
        {
            await foreach (var envelope in subscription.ReadAllAsync())
                seen.Add(envelope.Seq);
        });

        Assert.Equal(Range(1, 3), seen);
        Assert.Equal(3, notice.LastSeq);
    }
}
