using static ContactCenter.Events.Tests.Subscriptions;

namespace ContactCenter.Events.Tests;

public sealed class PositionTests
{
    [Fact]
    public void Position_moves_past_unwanted_events_only_when_nothing_wanted_is_pending()
    {
        var bus = NewBus();
        using var scope = new SubscriptionScope(bus.Subscribe(new EventFilter { Types = ["a.x"] }));
        var subscription = scope.Value;

        PublishMany(bus, 10, "b.x");
        Assert.Equal(0, subscription.Position); // not read yet
        Assert.False(subscription.TryRead(out _));
        Assert.Equal(10, subscription.Position);

        bus.Publish("a.x"); // 11
        bus.Publish("b.x"); // 12
        Assert.Equal(10, subscription.Position);
        Assert.True(subscription.TryRead(out var wanted));
        Assert.Equal(11, wanted.Seq);
        Assert.Equal(11, subscription.Position);
        Assert.False(subscription.TryRead(out _));
        Assert.Equal(12, subscription.Position);
    }

    [Fact]
    public async Task A_filtered_subscriber_resumes_from_its_position_after_the_ring_wrapped_over_unwanted_events()
    {
        var bus = NewBus(history: 8);
        var subscription = bus.Subscribe(new EventFilter { AgentIds = ["a1"] });
        bus.Publish("agent.state_changed", subject: new EventSubject(AgentId: "a1"));
        Assert.True(subscription.TryRead(out var last));
        PublishMany(bus, 100, "agent.state_changed"); // other traffic, far more than the ring holds
        Assert.False(subscription.TryRead(out _));
        long position = subscription.Position;
        await subscription.DisposeAsync();

        Assert.Equal(101, position);
        await using var byLastEvent = bus.Subscribe(EventFilter.All, fromSeq: last.Seq + 1);
        Assert.Equal(EventSubscriptionState.ResyncRequired, byLastEvent.State); // why Position exists
        await using var byPosition = bus.Subscribe(new EventFilter { AgentIds = ["a1"] }, fromSeq: position + 1);
        Assert.Equal(EventSubscriptionState.Live, byPosition.State);
    }

    [Fact]
    public void Position_while_catching_up_counts_skipped_events()
    {
        var bus = NewBus();
        bus.Publish("a.x");
        PublishMany(bus, 3, "b.x");
        using var scope = new SubscriptionScope(bus.Subscribe(new EventFilter { Types = ["a.x"] }, fromSeq: 1));
        var subscription = scope.Value;
        Assert.Equal(0, subscription.Position);

        Assert.True(subscription.TryRead(out var first));
        Assert.Equal(1, first.Seq);
        Assert.Equal(1, subscription.Position);
        Assert.False(subscription.TryRead(out _));
        Assert.Equal(4, subscription.Position);
        Assert.Equal(EventSubscriptionState.Live, subscription.State);
    }
}
