using BenchmarkDotNet.Attributes;

namespace ContactCenter.Benchmarks.Cti;

/// <summary>
/// Command latency: one GET command (<c>get_subscriptions</c>: bearer authentication, rate limiting, the SQLite query,
/// the JSON envelope) over a kept-alive HTTP/1.1 connection to Kestrel on loopback, response read to the end. Allocation
/// is the whole process's: client and server.
/// </summary>
[MemoryDiagnoser]
public class CtiCommandBenchmarks
{
    private CtiBenchmarkServer _server = null!;
    private HttpClient _client = null!;
    private readonly byte[] _sink = new byte[16 * 1024];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await CtiBenchmarkServer.StartAsync();
        string token = _server.CreateToken("bench");
        for (int i = 0; i < 5; i++)
            await _server.SubscribeAsync(token); // a realistic answer: a desktop's few subscriptions
        _client = _server.Client(token);
        await GetSubscriptionsAsync();
    }

    [Benchmark]
    public async Task<int> GetSubscriptionsAsync()
    {
        using var response = await _client.GetAsync("/cti/v1/get_subscriptions", HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"get_subscriptions answered {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        int total = 0, read;
        while ((read = await body.ReadAsync(_sink)) > 0)
            total += read;
        return total;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }
}
