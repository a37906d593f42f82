using System.Net.Sockets;
using System.Text;

namespace ContactCenter.Benchmarks.Cti;

/// <summary>
/// A channel client that costs next to nothing, so a benchmark measures the server: a raw socket (HTTP/1.0, so the
/// stream is not chunked) read into one buffer, scanning only the <c>id:</c> lines for the last seq delivered and
/// counting <c>resync_required</c> notices. No allocation per event.
/// </summary>
public sealed class SseSubscriber : IAsyncDisposable
{
    private static readonly byte[] IdPrefix = "id: "u8.ToArray();
    private static readonly byte[] ResyncPrefix = "event: r"u8.ToArray();

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly Task _reading;
    private readonly Action<long>? _onEvent;
    private readonly byte[] _head = new byte[32];
    private int _headLength;
    private bool _skipping;
    private long _target = long.MaxValue;
    private FanOutWait? _wait;

    private SseSubscriber(Socket socket, Action<long>? onEvent)
    {
        _socket = socket;
        _onEvent = onEvent;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The seq of the last event (or heartbeat position) received.</summary>
    public long LastSeq { get; private set; }

    /// <summary>How many resync_required notices arrived (a fan-out figure is only valid with none).</summary>
    public int Resyncs { get; private set; }

    public static async Task<SseSubscriber> ConnectAsync(Uri server, string token, string subscriptionId, Action<long>? onEvent = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.Host, server.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /cti/v1/channel/{subscriptionId} HTTP/1.0\r\nHost: bench\r\nAuthorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n"));
        return new SseSubscriber(socket, onEvent);
    }

    /// <summary>Signals <paramref name="wait"/> once an event with a seq at or above <paramref name="target"/> arrived.</summary>
    public void Expect(long target, FanOutWait wait)
    {
        _wait = wait;
        Volatile.Write(ref _target, target);
        if (LastSeq >= target && Interlocked.Exchange(ref _wait, null) is { } reached)
            reached.Reached();
    }

    private async Task ReadAsync()
    {
        try
        {
            while (true)
            {
                int read = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None);
                if (read == 0)
                    return;
                Scan(_buffer.AsSpan(0, read));
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // Only line heads matter (id lines are short; data lines are skipped with a vectorized search for the newline),
    // so the reader costs a small fraction of what the server spends writing the same bytes. A line split across two
    // reads keeps its first bytes in _head.
    private void Scan(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            if (_skipping)
            {
                if (newline < 0)
                    return;
                _skipping = false;
                data = data[(newline + 1)..];
                continue;
            }
            var line = newline < 0 ? data : data[..newline];
            if (_headLength > 0 || newline < 0)
            {
                int take = Math.Min(line.Length, _head.Length - _headLength);
                line[..take].CopyTo(_head.AsSpan(_headLength));
                _headLength += take;
                if (newline < 0)
                {
                    if (_headLength == _head.Length)
                    {
                        // Longer than any id line: look at its head once, then skip to its end.
                        OnLine(_head);
                        _headLength = 0;
                        _skipping = true;
                    }
                    return;
                }
                line = _head.AsSpan(0, _headLength);
                _headLength = 0;
            }
            OnLine(line);
            data = data[(newline + 1)..];
        }
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith(IdPrefix))
        {
            long value = 0;
            foreach (byte b in line[IdPrefix.Length..])
            {
                if (b is >= (byte)'0' and <= (byte)'9')
                    value = value * 10 + (b - '0');
            }
            OnId(value);
        }
        else if (line.StartsWith(ResyncPrefix))
        {
            Resyncs++;
        }
    }

    private void OnId(long seq)
    {
        LastSeq = seq;
        _onEvent?.Invoke(seq);
        if (seq >= Volatile.Read(ref _target) && Interlocked.Exchange(ref _wait, null) is { } wait)
            wait.Reached();
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _reading;
    }
}
