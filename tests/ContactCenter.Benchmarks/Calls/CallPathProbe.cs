using System.Diagnostics;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>
/// The in-process call (<see cref="InProcessCallDriver"/>) in rounds, by this process's CPU time (all threads: the
/// call's work runs on the thread pool and the media clock) and by bytes allocated on all threads, per call. The best
/// round is the figure: on a shared box the others carry the neighbours' interference.
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --call-path [calls per round] [rounds] [--lines K] [--types]
/// (<c>--lines K</c>: K trunk-and-phone pairs driving calls at once, as under load; 1 by default, one call at a time)
/// (<c>--types</c>: one more round with the runtime's allocation sampling, bytes per call by type)
/// </summary>
public static class CallPathProbe
{
    public static async Task RunAsync(string[] args)
    {
        int calls = IntArg(args, 1, 5_000), rounds = IntArg(args, 2, 10);
        int lines = Array.IndexOf(args, "--lines") is int at and >= 0 && args.Length > at + 1 && int.TryParse(args[at + 1], out int l) ? l : 1;
        await using var driver = new InProcessCallDriver(lines);
        RunCalls(driver, 2_000); // ports bound, tiered up
        Console.WriteLine($"In-process trunk call to an extension: {rounds} rounds x {calls:N0} calls on {lines} line(s) at once, {Environment.ProcessorCount} cores");
        double bestCpu = double.MaxValue, bestWall = double.MaxValue;
        long bestBytes = long.MaxValue;
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < rounds; round++)
        {
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            long bytes = GC.GetTotalAllocatedBytes(precise: true);
            int collections = GC.CollectionCount(0);
            var wall = Stopwatch.StartNew();
            RunCalls(driver, calls);
            wall.Stop();
            process.Refresh();
            double cpuPerCall = (process.TotalProcessorTime - cpu).TotalMicroseconds / calls;
            long bytesPerCall = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / calls;
            double wallPerCall = wall.Elapsed.TotalMicroseconds / calls;
            Console.WriteLine($"  round {round + 1,2}: {cpuPerCall,7:F1} µs CPU, {wallPerCall,7:F1} µs wall, {bytesPerCall,7:N0} B allocated per call, {GC.CollectionCount(0) - collections} gen0 GCs");
            bestCpu = Math.Min(bestCpu, cpuPerCall);
            bestWall = Math.Min(bestWall, wallPerCall);
            bestBytes = Math.Min(bestBytes, bytesPerCall);
        }
        Console.WriteLine($"best: {bestCpu:F1} µs CPU per call, {bestWall:F1} µs wall per call, {bestBytes:N0} B allocated per call");

        if (Environment.GetEnvironmentVariable("CC_PROBE_HOLD_SECONDS") is { } hold && int.TryParse(hold, out int seconds))
            Thread.Sleep(TimeSpan.FromSeconds(seconds)); // time for dotnet-gcdump to look at what is retained

        if (!args.Contains("--types")) return;
        using var sampler = new AllocationSampler();
        sampler.Start();
        RunCalls(driver, calls);
        sampler.Stop();
        sampler.Report(calls, 30);
    }

    /// <summary>The calls spread over the driver's lines, one thread per line, until all are done and released.</summary>
    private static void RunCalls(InProcessCallDriver driver, int calls)
    {
        var threads = new Thread[driver.Lines];
        for (int line = 0; line < threads.Length; line++)
        {
            int index = line, count = calls / threads.Length + (line < calls % threads.Length ? 1 : 0);
            threads[line] = new Thread(() =>
            {
                for (int i = 0; i < count; i++) driver.RunOneCall(index);
            }) { IsBackground = true, Name = $"line-{index}" };
            threads[line].Start();
        }
        foreach (var thread in threads) thread.Join();
        driver.Drain();
    }

    private static int IntArg(string[] args, int position, int fallback)
    {
        int index = Array.IndexOf(args, "--call-path");
        return index >= 0 && args.Length > index + position && int.TryParse(args[index + position], out int value) && value > 0 ? value : fallback;
    }
}
