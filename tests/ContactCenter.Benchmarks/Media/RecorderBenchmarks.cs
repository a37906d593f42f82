using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Recording;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// The media clock's cost of recording one call for one tick: both parties' frames in, the tick committed (encode +
/// queue + writer wake-up). The file I/O runs on the recorder's writer thread and is not in the measured time.
/// Each invocation commits <see cref="TicksPerInvoke"/> ticks into an emptied queue (the setup waits for the writer),
/// so every measured tick takes the real commit path (and one in WriterBatchFrames wakes the writer) and none the cheaper drop path; Cleanup prints the drop count
/// to prove it. With <see cref="ToDisk"/> false the writer writes to <see cref="Stream.Null"/>, so a run millions of
/// times faster than real time neither fills the disk nor reaches the 4 GiB WAV limit.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[IterationCount(40)]
[WarmupCount(40)]
public class RecorderBenchmarks
{
    private readonly short[] _caller = new short[160];
    private readonly short[] _agent = new short[160];
    private Recorder? _recorder;
    private RecordingSession? _session;
    private string _directory = "";
    private long _tick;

    [Params(RecordingEncoding.Pcm16, RecordingEncoding.MuLaw)]
    public RecordingEncoding Encoding { get; set; }

    [Params(false)]
    public bool ToDisk { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        for (int n = 0; n < 160; n++)
        {
            _caller[n] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * n / 8000));
            _agent[n] = (short)(8000 * Math.Sin(2 * Math.PI * 700 * n / 8000));
        }

        _directory = Directory.CreateTempSubdirectory("cc-recorder-bench-").FullName;
        _recorder = ToDisk ? new Recorder() : new Recorder(new RecorderOptions { OpenStream = (_, _) => Stream.Null });
        _session = _recorder.Start(new RecordingOptions
        {
            Path = Path.Combine(_directory, "call.wav"),
            Format = new RecordingFormat(RecordingLayout.Stereo, Encoding, 8000),
            QueueFrames = 3000,
            WriterBatchFrames = WriterBatchFrames,
        });
    }

    private const int TicksPerInvoke = 2000;

    /// <summary>Ticks queued before the writer is woken: each wake is a semaphore release (a futex system call).</summary>
    [Params(5, 50)]
    public int WriterBatchFrames { get; set; }

    [IterationSetup]
    public void WaitForWriter()
    {
        var wait = new SpinWait();
        // Up to a batch may stay queued: the writer is only woken once WriterBatchFrames are waiting.
        while (_session!.QueuedFrames >= WriterBatchFrames)
        {
            wait.SpinOnce();
        }
    }

    [Benchmark(OperationsPerInvoke = TicksPerInvoke)]
    public void StereoCallTick()
    {
        RecordingSession session = _session!;
        for (int i = 0; i < TicksPerInvoke; i++)
        {
            session.WriteFrame(0, _caller, silent: false);
            session.WriteFrame(1, _agent, silent: false);
            session.OnTick(_tick++);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        RecordingMetadata metadata = _session!.StopAsync().GetAwaiter().GetResult();
        Console.WriteLine($"// {Encoding}: {metadata.FramesWritten} frames written, {metadata.DroppedFrames} dropped");
        _recorder!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_directory, recursive: true);
    }
}
