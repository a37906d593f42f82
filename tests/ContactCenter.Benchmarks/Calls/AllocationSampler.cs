using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>
/// The runtime's allocation sampling (GCAllocationTick: one event per ≈ 100 KB allocated, naming the type that crossed
/// the mark) listened to in process: the types are a statistical picture of where the bytes go.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int nameIndex = e.PayloadNames!.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (nameIndex < 0) return;
        long amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex]) : 100_000;
        _bytesByType.AddOrUpdate((string)e.Payload[nameIndex]!, amount, (_, total) => total + amount);
    }

    public void Report(long calls, int top)
    {
        long total = _bytesByType.Values.Sum();
        Console.WriteLine($"allocation samples by type (≈ {total / Math.Max(1, calls):N0} B per call sampled):");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
            Console.WriteLine($"  {bytes * 100.0 / total,5:F1}%  {bytes / Math.Max(1, calls),6:N0} B/call  {type}");
    }
}
