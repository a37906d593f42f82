using ContactCenter.Media.Timing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Timing;

public sealed class MediaClockTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void First_poll_runs_tick_zero_and_then_waits_for_the_next_deadline()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(timeProvider: time);
        var recorder = new TickRecorder();
        clock.Register(recorder);

        Assert.Equal(Tick, clock.Poll());
        Assert.Equal(Tick, clock.Poll());
        time.Advance(TimeSpan.FromMilliseconds(19.9));
        Assert.Equal(TimeSpan.FromMilliseconds(0.1), clock.Poll());
        time.Advance(TimeSpan.FromMilliseconds(0.1));
        clock.Poll();

        Assert.Equal([0L, 1L], recorder.Ticks);
        Assert.Equal(2, clock.Statistics.Ticks);
    }

    [Fact]
    public void Deadlines_are_absolute_so_a_late_wake_up_does_not_shift_later_ticks()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(timeProvider: time);
        var recorder = new TickRecorder();
        clock.Register(recorder);
        clock.Poll();

        time.Advance(TimeSpan.FromMilliseconds(23));
        Assert.Equal(TimeSpan.FromMilliseconds(17), clock.Poll());
        time.Advance(TimeSpan.FromMilliseconds(17));
        Assert.Equal(Tick, clock.Poll());

        Assert.Equal([0L, 1L, 2L], recorder.Ticks);
        Assert.Equal(TimeSpan.FromMilliseconds(3), clock.Statistics.MaxLateness);
        Assert.Equal(0, clock.Statistics.LateTicks);
    }

    [Fact]
    public void Missed_ticks_within_the_catch_up_window_all_run_in_order_at_once()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(new MediaClockOptions { MaxCatchUpTicks = 3 }, time);
        var recorder = new TickRecorder();
        clock.Register(recorder);
        clock.Poll();

        // 75 ms late: ticks 1-3 are due; each is a frame of media for every tickable, so all of them run.
        time.Advance(TimeSpan.FromMilliseconds(75));
        Assert.Equal(TimeSpan.FromMilliseconds(5), clock.Poll());
        Assert.Equal([0L, 1L, 2L, 3L], recorder.Ticks);
        Assert.Equal(0, clock.Statistics.SkippedTicks);
        Assert.Equal(TimeSpan.FromMilliseconds(55), clock.Statistics.MaxLateness);
        Assert.Equal(3, clock.Statistics.LateTicks);

        // 145 ms later ticks 4-11 are due: the window holds 3 missed ones, so 8-10 and the due 11 run and 4-7 are skipped.
        time.Advance(TimeSpan.FromMilliseconds(145));
        clock.Poll();
        Assert.Equal([0L, 1L, 2L, 3L, 8L, 9L, 10L, 11L], recorder.Ticks);
        Assert.Equal(4, clock.Statistics.SkippedTicks);
        Assert.Equal(12, clock.NextTick);
    }

    [Fact]
    public void Without_catch_up_missed_ticks_run_once_and_are_counted_instead_of_bursting()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(new MediaClockOptions { MaxCatchUpTicks = 0 }, time);
        var recorder = new TickRecorder();
        clock.Register(recorder);
        clock.Poll();

        time.Advance(TimeSpan.FromMilliseconds(75));
        TimeSpan wait = clock.Poll();
        Assert.Equal(TimeSpan.FromMilliseconds(5), wait);
        clock.Poll();

        Assert.Equal([0L, 3L], recorder.Ticks);
        MediaClockStatistics stats = clock.Statistics;
        Assert.Equal(2, stats.Ticks);
        Assert.Equal(2, stats.SkippedTicks);
        Assert.Equal(1, stats.LateTicks);
        Assert.Equal(TimeSpan.FromMilliseconds(55), stats.MaxLateness);
        Assert.Equal(4, clock.NextTick);
    }

    [Fact]
    public void Registration_is_idempotent_and_takes_effect_on_the_next_tick()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(timeProvider: time);
        var first = new TickRecorder();
        var second = new TickRecorder();

        Assert.True(clock.Register(first));
        Assert.False(clock.Register(first));
        clock.Poll();
        Assert.True(clock.Register(second));
        time.Advance(Tick);
        clock.Poll();
        Assert.True(clock.Unregister(first));
        Assert.False(clock.Unregister(first));
        time.Advance(Tick);
        clock.Poll();

        Assert.Equal([0L, 1L], first.Ticks);
        Assert.Equal([1L, 2L], second.Ticks);
        Assert.Equal(1, clock.Statistics.Registered);
    }

    [Fact]
    public void A_tickable_can_unregister_itself_and_register_another_during_a_tick()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(timeProvider: time);
        var successor = new TickRecorder();
        var oneShot = new DelegateTickable();
        oneShot.Action = tick =>
        {
            clock.Unregister(oneShot);
            clock.Register(successor);
        };
        clock.Register(oneShot);

        clock.Poll();
        time.Advance(Tick);
        clock.Poll();

        Assert.Equal(1, oneShot.Calls);
        Assert.Equal([1L], successor.Ticks);
    }

    [Fact]
    public void A_throwing_tickable_is_counted_and_does_not_stop_the_others()
    {
        var time = new FakeTimeProvider();
        using var clock = new MediaClock(timeProvider: time);
        clock.Register(new DelegateTickable { Action = _ => throw new InvalidOperationException("broken player") });
        var healthy = new TickRecorder();
        clock.Register(healthy);

        clock.Poll();
        time.Advance(Tick);
        clock.Poll();

        Assert.Equal([0L, 1L], healthy.Ticks);
        Assert.Equal(2, clock.Statistics.TickableFaults);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(new MediaClockOptions { TickInterval = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(new MediaClockOptions { LateThreshold = TimeSpan.FromMilliseconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(new MediaClockOptions { MaxCatchUpTicks = -1 }));
    }

    [Fact]
    public async Task The_real_thread_runs_ten_consecutive_ticks_on_one_thread()
    {
        using var clock = new MediaClock();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticks = new List<long>();
        int? threadId = null;
        var counter = new DelegateTickable
        {
            Action = tick =>
            {
                threadId ??= Environment.CurrentManagedThreadId;
                Assert.Equal(threadId, Environment.CurrentManagedThreadId);
                lock (ticks)
                {
                    ticks.Add(tick);
                    if (ticks.Count == 10)
                    {
                        done.TrySetResult();
                    }
                }
            },
        };
        clock.Register(counter);

        clock.Start();
        Assert.True(clock.IsRunning);
        Assert.Throws<InvalidOperationException>(() => clock.Poll());
        Assert.Throws<InvalidOperationException>(() => clock.Start());
        // 200 ms of ticks; the bound only catches a clock that does not run (a loaded CI box once took over 1 s).
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Dispose();

        long[] seen;
        lock (ticks)
        {
            seen = [.. ticks];
        }

        Assert.Equal(0L, seen[0]);
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.Equal(0, counter.Faults);
        Assert.True(clock.Statistics.Ticks >= 10);
    }

    [Fact]
    public async Task Concurrent_registration_while_ticking_loses_nothing()
    {
        using var clock = new MediaClock();
        clock.Start();
        var tickables = Enumerable.Range(0, 400).Select(_ => new TickRecorder()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (int i = worker; i < tickables.Length; i += 4)
            {
                Assert.True(clock.Register(tickables[i]));
                if (i % 8 == 0)
                {
                    Assert.True(clock.Unregister(tickables[i]));
                }
            }
        }))).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(350, clock.Statistics.Registered);
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.Register(new DelegateTickable { Action = _ => reached.TrySetResult() });
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(1));
        await Task.Run(clock.Dispose).WaitAsync(TimeSpan.FromSeconds(1));
    }

    private sealed class TickRecorder : IMediaTickable
    {
        public List<long> Ticks { get; } = [];

        public void OnTick(long tick)
        {
            lock (Ticks)
            {
                Ticks.Add(tick);
            }
        }
    }

    private sealed class DelegateTickable : IMediaTickable
    {
        public Action<long> Action { get; set; } = _ => { };

        public int Calls { get; private set; }

        public int Faults { get; private set; }

        public void OnTick(long tick)
        {
            Calls++;
            try
            {
                Action(tick);
            }
            catch (Xunit.Sdk.XunitException)
            {
                Faults++;
                throw;
            }
        }
    }
}
