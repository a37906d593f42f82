using System.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Benchmarks;

/// <summary>
/// A cross-check for shared machines, where BenchmarkDotNet's wall-clock figures include the time other processes
/// hold the core: runs the same operations in short rounds and reports the best per-operation cost by this process's
/// CPU time (so time spent descheduled is not counted), with the bytes allocated per operation.
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --cpu
/// </summary>
public static class CpuTimeProbe
{
    private const int Rounds = 30;
    private const int OperationsPerRound = 50_000;

    public static void Run()
    {
        Console.WriteLine($"CPU-time probe: best of {Rounds} rounds x {OperationsPerRound:N0} operations, {Environment.ProcessorCount} cores");
        foreach (var (name, message) in new[] { ("INVITE+SDP", SampleMessages.InviteWithSdp), ("REGISTER+Authorization", SampleMessages.RegisterWithAuthorization) })
        {
            Report(name, "RoutingView", () => SipMessageParser.TryParse(message, out _, out _) ? 1 : 0);
            Report(name, "Full", () =>
            {
                SipMessageParser.TryParse(message, out var m, out _);
                return SipMessageValidator.Validate(m!).IsError ? -1 : ParserBenchmarks.ReadEverything(m!);
            });
        }
    }

    private static void Report(string message, string operation, Func<int> body)
    {
        double best = double.MaxValue;
        long allocated = 0;
        int sink = 0;
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < Rounds; round++)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            for (int i = 0; i < OperationsPerRound; i++) sink += body();
            wall.Stop();
            process.Refresh();
            double cpuNs = (process.TotalProcessorTime - cpu).TotalNanoseconds;
            best = Math.Min(best, Math.Min(cpuNs, wall.Elapsed.TotalNanoseconds) / OperationsPerRound);
            allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / OperationsPerRound;
        }
        Console.WriteLine($"{message,-24} {operation,-12} {best,7:F0} ns/op  {1e9 / best,11:N0} ops/s  {allocated,4} B/op  (checksum {sink & 0xFF})");
    }
}
