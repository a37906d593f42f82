using System.Globalization;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// Relay throughput harness (not BenchmarkDotNet: it needs two processes so the load generator does not share the
/// measured process). Modes: <c>echo</c> (bare .NET UDP echo, the baseline), <c>relay</c> (two media legs and a
/// same-codec bridge) and <c>client</c> (the load generator). tests/load/relay-bench.sh builds and runs them.
/// </summary>
public static class RelayHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args.Skip(1));
        switch (args.FirstOrDefault())
        {
            case "echo":
                await RelayEchoServer.RunAsync(Int(options, "port"), Seconds(options), Seconds(options, "warmup", 2), Threads(options));
                return 0;
            case "relay":
                await RelayBridgeServer.RunAsync(Int(options, "rtp-port"), Int(options, "phone-a"), Int(options, "phone-b"), Seconds(options), Seconds(options, "warmup", 2), Threads(options));
                return 0;
            case "client":
                await RelayLoadClient.RunAsync(Int(options, "send-from"), Int(options, "send-to"), Int(options, "receive-on"), Int(options, "inflight"), Seconds(options));
                return 0;
            default:
                Console.Error.WriteLine("usage: echo --port P --seconds S [--receive threads] | relay --rtp-port P --phone-a A --phone-b B --seconds S [--receive threads] | client --send-from A --send-to P --receive-on B --inflight N --seconds S");
                return 2;
        }
    }

    internal static void Report(string what, double seconds, long packets, TimeSpan cpu, long allocated) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {packets / seconds:F0} packets/s over {seconds:F1} s, CPU {cpu.TotalSeconds / seconds * 100:F0}% of one core, {packets / Math.Max(cpu.TotalSeconds, 1e-9):F0} packets per CPU-second, {(double)allocated / Math.Max(packets, 1):F3} B allocated per packet"));

    private static Dictionary<string, string> Parse(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>();
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
            }
            else if (key is not null)
            {
                options[key] = arg;
                key = null;
            }
        }

        return options;
    }

    // "--receive threads": one blocking receive thread per socket instead of the async loop on the thread pool.
    private static bool Threads(Dictionary<string, string> options) => options.TryGetValue("receive", out var mode) && mode == "threads";

    private static int Int(Dictionary<string, string> options, string name) =>
        int.Parse(options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required"), CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(Dictionary<string, string> options, string name = "seconds", double fallback = 10) =>
        TimeSpan.FromSeconds(options.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback);
}
