using BenchmarkDotNet.Attributes;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>
/// One trunk call to an extension through the server's SIP and call layers in process (<see cref="InProcessCallDriver"/>).
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*CallPath*'
/// </summary>
[MemoryDiagnoser]
public class CallPathBenchmarks
{
    private InProcessCallDriver _driver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _driver = new InProcessCallDriver();
        for (int i = 0; i < 200; i++) _driver.RunOneCall(); // RTP ports bound, code tiered up
        _driver.Drain();
    }

    [Benchmark]
    public void TrunkCallToExtension()
    {
        _driver.RunOneCall();
        _driver.Drain();
    }

    [GlobalCleanup]
    public void Cleanup() => _driver.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
