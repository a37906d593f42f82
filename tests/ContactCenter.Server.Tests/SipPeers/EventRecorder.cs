using ContactCenter.Events;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Keeps every event a filter accepts, in order, from the moment it is created, so a test can look for one that has
/// already happened as well as wait for one still to come (end-to-end flows do not let a test read events in lock step).
/// </summary>
internal sealed class EventRecorder : IAsyncDisposable
{
    private readonly IEventSubscription _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<EventEnvelope> _events = [];
    private readonly Task _reader;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventRecorder(IEventBus bus, EventFilter filter)
    {
        _subscription = bus.Subscribe(filter);
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>What has arrived so far.</summary>
    public IReadOnlyList<EventEnvelope> Snapshot()
    {
        lock (_events) return [.. _events];
    }

    /// <summary>Payloads of type <typeparamref name="T"/> of the events of <paramref name="type"/> so far.</summary>
    public IReadOnlyList<T> Payloads<T>(string type) =>
        Snapshot().Where(e => e.Type == type).Select(e => e.PayloadAs<T>()).ToList();

    /// <summary>The first event of <paramref name="type"/> whose payload matches, waiting for it if it has not come yet.</summary>
    public async Task<T> WaitForAsync<T>(string type, Func<T, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_events)
            {
                foreach (var envelope in _events)
                    if (envelope.Type == type && envelope.PayloadAs<T>() is var payload && match(payload)) return payload;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {type} event matched within {timeout.TotalSeconds:0} s. Events so far:\n" +
                    string.Join("\n", Snapshot().Select(e => $"  {e.Time:HH:mm:ss.fff} {e.Type} {System.Text.Json.JsonSerializer.Serialize(e.Payload)}")));
            }
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var envelope in _subscription.ReadAllAsync(_stop.Token))
            {
                TaskCompletionSource changed;
                lock (_events)
                {
                    _events.Add(envelope);
                    changed = _changed;
                    _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                changed.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _subscription.DisposeAsync();
        try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception) when (_reader.IsFaulted || !_reader.IsCompleted) { }
        _stop.Dispose();
    }
}
