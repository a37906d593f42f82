namespace ContactCenter.Events.Tests;

/// <summary>Lets synchronous tests dispose a subscription with <c>using</c>.</summary>
internal readonly struct SubscriptionScope(IEventSubscription value) : IDisposable
{
    public IEventSubscription Value { get; } = value;

    public void Dispose() => Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
