using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>
/// A fake clock whose timers never fire on their own: the thread pool stuck behind other work, as under call load.
/// Only a caller that checks the clock itself (a receive loop's <c>RunDueWork</c>) gets anything done on time.
/// </summary>
internal sealed class StalledTimersTimeProvider(DateTimeOffset start) : TimeProvider
{
    public FakeTimeProvider Clock { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override long GetTimestamp() => Clock.GetTimestamp();

    public override long TimestampFrequency => Clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new StalledTimer();

    private sealed class StalledTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose() { }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
