using System.Net;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// A CTI desktop's side of the SSE channel: reads the stream in the background, keeps every event, and lets a test wait
/// for the next event of a type (whatever arrived in between is kept) with a timeout.
/// </summary>
internal sealed class ChannelReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JsonElement> _events = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _pump;
    private readonly HashSet<int> _taken = [];
    private volatile string? _resync;

    private ChannelReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _pump = Task.Run(() => PumpAsync(stream));
    }

    /// <summary>Every event received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_events) return [.. _events];
        }
    }

    public static async Task<ChannelReader> OpenAsync(HttpClient client, string subscriptionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/cti/v1/channel/{subscriptionId}");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ChannelReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The first event of <paramref name="type"/> not returned yet (events of one type come in order; types interleave freely).</summary>
    public async Task<JsonElement> NextAsync(string type, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Assert.True(_resync is null, "the channel asked for a resync: " + _resync);
            lock (_events)
            {
                for (int i = 0; i < _events.Count; i++)
                {
                    if (!_taken.Contains(i) && _events[i].GetProperty("type").GetString() == type)
                    {
                        _taken.Add(i);
                        return _events[i];
                    }
                }
            }
            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No {type} event on the channel within {timeout}; received: " +
                    string.Join(", ", Received.Select(e => e.GetProperty("type").GetString())));
            }
        }
    }

    private async Task PumpAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? type = null;
        var data = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    // Events have no "event:" field; heartbeats are skipped, and this flow must never need a resync.
                    if (type == "resync_required")
                        _resync = data.ToString();
                    if (data.Length > 0 && type is null)
                    {
                        using var document = JsonDocument.Parse(data.ToString());
                        lock (_events) _events.Add(document.RootElement.Clone());
                        _arrived.Release();
                    }
                    type = null;
                    data.Clear();
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line["data: ".Length..]);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // closed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _pump.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
