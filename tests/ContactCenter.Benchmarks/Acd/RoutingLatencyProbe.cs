using System.Diagnostics;

namespace ContactCenter.Benchmarks.Acd;

/// <summary>
/// Times each routing decision alone (call ends → best waiting interaction chosen and offered) under the issue-5 load
/// and prints the percentiles; BenchmarkDotNet reports means, the goal is a p99.
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --acd-latency
/// </summary>
public static class RoutingLatencyProbe
{
    private const int Warmup = 20_000;
    private const int Measured = 100_000;

    public static void Run()
    {
        var setup = Stopwatch.StartNew();
        var acd = new LoadedAcd();
        Console.WriteLine($"Load: {LoadedAcd.AgentCount:N0} agents, {LoadedAcd.Services} services, {acd.Engine.WaitingCount:N0} waiting (setup {setup.ElapsedMilliseconds} ms)");
        for (int i = 0; i < Warmup; i++) Step(acd);
        var samples = new double[Measured];
        for (int i = 0; i < Measured; i++) samples[i] = Step(acd);
        Array.Sort(samples);
        double P(double q) => samples[Math.Min(samples.Length - 1, (int)(q * samples.Length))];
        Console.WriteLine($"Routing decision over {Measured:N0} decisions: p50 {P(0.50):F1} µs, p90 {P(0.90):F1} µs, p99 {P(0.99):F1} µs, " +
            $"p99.9 {P(0.999):F1} µs, max {samples[^1]:F1} µs; waiting still {acd.Engine.WaitingCount:N0}");
    }

    private static double Step(LoadedAcd acd)
    {
        var (agent, interaction) = acd.NextEnding();
        long start = Stopwatch.GetTimestamp();
        acd.EndAndRoute(interaction);
        double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        acd.Restore(agent);
        return micros;
    }
}
