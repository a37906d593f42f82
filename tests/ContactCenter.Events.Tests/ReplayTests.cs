using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

public sealed class ReplayTests
{
    [Fact]
    public void Replay_from_a_retained_seq_then_live_events_follow_without_gap()
    {
        var bus = NewBus(history: 100, replayBatch: 3);
        PublishMany(bus, 10);

        using var scope = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 4));
        var subscription = scope.Value;
        Assert.Equal(EventSubscriptionState.CatchingUp, subscription.State);
        Assert.Equal(0, bus.LiveSubscriberCount); // replay does not go through the live channel

        Assert.True(subscription.TryRead(out var first));
        Assert.Equal(4, first.Seq);
        PublishMany(bus, 2); // 11, 12 published in the middle of the replay
        var rest = Drain(subscription).Seqs();
        PublishMany(bus, 2); // 13, 14 after the switch

        Assert.Equal(Range(5, 12), rest);
        Assert.Equal(EventSubscriptionState.Live, subscription.State);
        Assert.Equal(Range(13, 14), Drain(subscription).Seqs());
    }

    [Fact]
    public void Replay_from_the_oldest_retained_seq_works_and_one_older_requires_resync_at_once()
    {
        var bus = NewBus(history: 8);
        PublishMany(bus, 20);
        Assert.Equal(13, bus.OldestRetainedSeq);

        using var oldest = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 13));
        Assert.Equal(Range(13, 20), Drain(oldest.Value).Seqs());

        using var tooOld = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 12));
        Assert.Equal(EventSubscriptionState.ResyncRequired, tooOld.Value.State);
        var notice = Assert.Throws<EventResyncRequiredException>(() => tooOld.Value.WaitToReadAsync().AsTask().GetAwaiter().GetResult());
        Assert.Equal(ResyncReason.HistoryExpired, notice.Reason);
        Assert.Equal(11, notice.LastSeq);
        Assert.Equal(12, notice.ResumeFromSeq);
        Assert.False(tooOld.Value.TryRead(out _));
    }

    [Fact]
    public async Task ReadAllAsync_reports_an_expired_position_as_a_resync_notice()
    {
        var bus = NewBus(history: 4);
        PublishMany(bus, 10);

        await using var subscription = bus.Subscribe(EventFilter.All, fromSeq: 1);
        var notice = await Assert.ThrowsAsync<EventResyncRequiredException>(() => ReadThroughAsync(subscription, long.MaxValue));

        Assert.Equal(ResyncReason.HistoryExpired, notice.Reason);
        Assert.Equal(0, notice.LastSeq);
    }

    [Fact]
    public void A_replay_overtaken_by_the_ring_ends_in_resync_after_delivering_what_it_had()
    {
        var bus = NewBus(history: 8, replayBatch: 2);
        PublishMany(bus, 8);
        using var scope = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 1));
        var subscription = scope.Value;

        Assert.True(subscription.TryRead(out var first)); // copies 1 and 2
        PublishMany(bus, 8); // the ring now holds 9..16: 3 is gone
        Assert.True(subscription.TryRead(out var second));
        Assert.False(subscription.TryRead(out _));

        Assert.Equal([1L, 2L], new[] { first.Seq, second.Seq });
        Assert.Equal(EventSubscriptionState.ResyncRequired, subscription.State);
        Assert.Equal(2, subscription.Position);
        var notice = Assert.Throws<EventResyncRequiredException>(() => subscription.WaitToReadAsync().AsTask().GetAwaiter().GetResult());
        Assert.Equal(ResyncReason.HistoryExpired, notice.Reason);
        Assert.Equal(2, notice.LastSeq);
    }

    [Fact]
    public void A_position_beyond_the_newest_event_belongs_to_another_stream_and_requires_resync()
    {
        var bus = NewBus();
        PublishMany(bus, 5);

        using var next = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 6));
        using var ahead = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 7));

        Assert.Equal(EventSubscriptionState.Live, next.Value.State); // seq 6 is simply the next event
        Assert.Equal(EventSubscriptionState.ResyncRequired, ahead.Value.State);
        var notice = Assert.Throws<EventResyncRequiredException>(() => ahead.Value.WaitToReadAsync().AsTask().GetAwaiter().GetResult());
        Assert.Equal(ResyncReason.PositionAhead, notice.Reason);
        bus.Publish("test.tick");
        Assert.Equal([6L], Drain(next.Value).Seqs());
        Assert.Empty(Drain(ahead.Value));
    }

    [Fact]
    public void A_seq_below_one_is_a_caller_error()
    {
        var bus = NewBus();
        Assert.Throws<ArgumentOutOfRangeException>(() => bus.Subscribe(EventFilter.All, fromSeq: 0));
        Assert.Throws<ArgumentNullException>(() => bus.Subscribe(null!));
    }

    [Fact]
    public void A_fresh_bus_replays_from_one()
    {
        var bus = NewBus();
        using var scope = new SubscriptionScope(bus.Subscribe(EventFilter.All, fromSeq: 1));
        Assert.Equal(EventSubscriptionState.Live, scope.Value.State);
        PublishMany(bus, 3);
        Assert.Equal(Range(1, 3), Drain(scope.Value).Seqs());
    }
}
