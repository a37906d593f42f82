using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Recording;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// The whole cost of recording one call for one second (stereo 8 kHz WAV, a real file): 50 ticks of both parties'
/// frames committed (the media clock's side), then the writer's side for that second (the queued frames written to the
/// file, the header refreshed once a second) run on the benchmark thread instead of the writer thread, so nothing
/// overlaps on the other core and the figure is all the CPU time one recorded call-second takes, apart from the writer's
/// wake-up (one per <see cref="RecordingOptions.WriterBatchFrames"/> ticks, shared by every recording awake at the time)
/// and the kernel's later write-back of the page cache. <see cref="RecorderBenchmarks"/> has the clock's side alone.
/// </summary>
/// <remarks>
/// Each measured invocation records <see cref="CallSeconds"/> call-seconds into a fresh file (the previous one is
/// stopped and deleted in the iteration setup, so the disk holds one invocation's 3 MB at a time). The session's batch
/// is larger than a second of frames, so the writer thread is never woken during the measurement.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[IterationCount(30)]
[WarmupCount(30)]
public class RecorderCallSecondBenchmarks
{
    private const int CallSeconds = 100;
    private const int TicksPerSecond = 50;

    private readonly short[] _caller = new short[160];
    private readonly short[] _agent = new short[160];
    private Recorder? _recorder;
    private RecordingSession? _session;
    private string _directory = "";
    private long _tick;
    private int _file;
    private long _written;
    private long _dropped;

    [Params(RecordingEncoding.Pcm16, RecordingEncoding.MuLaw)]
    public RecordingEncoding Encoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (int n = 0; n < 160; n++)
        {
            _caller[n] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * n / 8000));
            _agent[n] = (short)(8000 * Math.Sin(2 * Math.PI * 700 * n / 8000));
        }

        _directory = Directory.CreateTempSubdirectory("cc-recorder-second-").FullName;
        _recorder = new Recorder();
    }

    [IterationSetup]
    public void StartFile()
    {
        StopFile();
        _session = _recorder!.Start(new RecordingOptions
        {
            Path = Path.Combine(_directory, $"call-{_file++}.wav"),
            Format = new RecordingFormat(RecordingLayout.Stereo, Encoding, 8000),
            QueueFrames = 4 * TicksPerSecond,
            WriterBatchFrames = 2 * TicksPerSecond,
        });
    }

    [Benchmark(OperationsPerInvoke = CallSeconds)]
    public void RecordedCallSecond()
    {
        RecordingSession session = _session!;
        for (int second = 0; second < CallSeconds; second++)
        {
            for (int i = 0; i < TicksPerSecond; i++)
            {
                session.WriteFrame(0, _caller, silent: false);
                session.WriteFrame(1, _agent, silent: false);
                session.OnTick(_tick++);
            }

            session.Drain();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        StopFile();
        Console.WriteLine($"// {Encoding}: {_written} frames written, {_dropped} dropped");
        _recorder!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }

    private void StopFile()
    {
        if (_session is null)
        {
            return;
        }

        RecordingMetadata metadata = _session.StopAsync().GetAwaiter().GetResult();
        _written += metadata.FramesWritten;
        _dropped += metadata.DroppedFrames;
        File.Delete(metadata.Path);
        _session = null;
    }
}
