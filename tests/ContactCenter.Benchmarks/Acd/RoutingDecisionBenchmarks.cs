using BenchmarkDotNet.Attributes;

namespace ContactCenter.Benchmarks.Acd;

/// <summary>
/// Routing decision latency under the issue-5 load (1,000 agents, 100 services, 5,000 waiting); goal p99 ≤ 1 ms.
/// Each invocation ends one call (the routing decision) and then restores the load, so the figure is an upper bound
/// of the decision alone; <see cref="RoutingLatencyProbe"/> times the decision by itself and reports p99.
/// </summary>
[MemoryDiagnoser]
public class RoutingDecisionBenchmarks
{
    private LoadedAcd _acd = null!;

    [GlobalSetup]
    public void Setup() => _acd = new LoadedAcd();

    [Benchmark]
    public int EndCallRouteNextAndRestore()
    {
        var (agent, interaction) = _acd.NextEnding();
        _acd.EndAndRoute(interaction);
        _acd.Restore(agent);
        return _acd.Engine.WaitingCount;
    }
}
