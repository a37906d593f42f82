using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Timing;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Overhead of the media clock's dispatch per tick with N registered (empty) tickables, in manual mode.</summary>
[MemoryDiagnoser]
public class ClockBenchmarks
{
    private MediaClock _clock = null!;
    private SteppingTime _time = null!;

    [Params(1000)]
    public int Tickables { get; set; } = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _time = new SteppingTime();
        _clock = new MediaClock(timeProvider: _time);
        for (int i = 0; i < Tickables; i++)
        {
            _clock.Register(new EmptyTickable());
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _clock.Dispose();

    /// <summary>One tick: reads the time, dispatches to every tickable, updates the statistics.</summary>
    [Benchmark]
    public TimeSpan DispatchOneTick()
    {
        _time.Step();
        return _clock.Poll();
    }

    private sealed class EmptyTickable : IMediaTickable
    {
        public long Last { get; private set; }

        public void OnTick(long tick) => Last = tick;
    }

    /// <summary>A time source that moves one tick forward per <see cref="Step"/>, so every Poll dispatches.</summary>
    private sealed class SteppingTime : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Step() => _now += TimeSpan.FromMilliseconds(20).Ticks;

        public override long GetTimestamp() => _now;
    }
}
