using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ContactCenter.Cti.Tests.Support;

/// <summary>
/// A minimal EventSource: connects with an optional Last-Event-ID and parses the stream (WHATWG HTML §9.2.6). Events are
/// read in the background (cancelling a read of the response would drop the connection), so a test can wait for an
/// event with a timeout and keep the connection when none comes.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly System.Threading.Channels.Channel<SseMessage> _events = System.Threading.Channels.Channel.CreateUnbounded<SseMessage>();
    private readonly Task _pump;

    private SseClient(HttpClient http, HttpResponseMessage response, StreamReader reader)
    {
        _http = http;
        _response = response;
        _reader = reader;
        _pump = Task.Run(PumpAsync);
    }

    public static async Task<SseClient> ConnectAsync(CtiTestHost host, string token, string subscriptionId, string? lastEventId = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/cti/v1/channel/{subscriptionId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Channel answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var stream = await response.Content.ReadAsStreamAsync();
        return new SseClient(http, response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The next dispatched event (comments and retry lines skipped).</summary>
    /// <exception cref="OperationCanceledException">None within the timeout (the connection stays open).</exception>
    /// <exception cref="EndOfStreamException">The channel closed.</exception>
    public async Task<SseMessage> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        if (!await _events.Reader.WaitToReadAsync(cancel.Token) || !_events.Reader.TryRead(out var message))
            throw new EndOfStreamException("The channel closed.");
        return message;
    }

    /// <summary>The next event that is not a heartbeat.</summary>
    public async Task<SseMessage> ReadEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReadAsync(timeout);
            if (message.Event != "heartbeat")
                return message;
        }
    }

    /// <summary>True when the server ended the stream within the timeout.</summary>
    public async Task<bool> EndsAsync(TimeSpan timeout)
    {
        try
        {
            await _pump.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task PumpAsync()
    {
        string? id = null, type = null;
        var data = new StringBuilder();
        try
        {
            while (await _reader.ReadLineAsync() is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0 || type is not null)
                        _events.Writer.TryWrite(new SseMessage(id, type ?? "message", data.ToString()));
                    id = type = null;
                    data.Clear();
                    continue;
                }
                if (line.StartsWith(':'))
                    continue;
                int colon = line.IndexOf(':');
                string field = colon < 0 ? line : line[..colon];
                string value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": type = value; break;
                    case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException)
        {
            // the connection dropped
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    /// <summary>Drops the connection abruptly, as a crashed client or a broken network would.</summary>
    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        _http.Dispose();
        await _pump.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _reader.Dispose();
    }
}
