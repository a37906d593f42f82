using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>Records every StateChanged of a registration and lets a test await a state without sleeping.</summary>
internal sealed class StateRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RegistrationStateChange> _changes = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateRecorder(OutboundRegistration registration) => registration.StateChanged += Add;

    public IReadOnlyList<RegistrationStateChange> Changes
    {
        get { lock (_gate) return [.. _changes]; }
    }

    private void Add(RegistrationStateChange change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _changes.Add(change);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>The <paramref name="occurrence"/>-th change into <paramref name="state"/> (1-based).</summary>
    public async Task<RegistrationStateChange> WaitForAsync(RegistrationState state, int occurrence = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var matches = _changes.Where(c => c.State == state).ToList();
                if (matches.Count >= occurrence) return matches[occurrence - 1];
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"No change to {state} (#{occurrence}); saw: {string.Join(", ", Changes.Select(c => $"{c.State} {c.StatusCode} {c.Reason}"))}");
            await changed.WaitAsync(left);
        }
    }
}
