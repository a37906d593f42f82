namespace ContactCenter.Benchmarks.Cti;

/// <summary>Completes when every subscriber has reached the target seq.</summary>
public sealed class FanOutWait(int subscribers)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pending = subscribers;

    public Task Task => _all.Task;

    public void Reached()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
            _all.TrySetResult();
    }
}
