using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ContactCenter.TestPeers;

/// <summary>
/// A client for baresip's ctrl_tcp: netstring-framed JSON commands, each answered by a response
/// with the same token, and events pushed on the same connection at any time. Events are kept
/// (the most recent <see cref="MaxKeptEvents"/>) so a test can wait for one that already came.
/// </summary>
public sealed partial class BaresipControl : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BaresipResponse>> _pending = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _receiving;
    private long _nextToken;
    private int _disposed;

    private BaresipControl(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _time = time;
        _receiving = ReceiveLoopAsync(_closing.Token);
    }

    /// <summary>How long a command waits for its response unless told otherwise.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public IPEndPoint RemoteEndPoint => (IPEndPoint)_socket.RemoteEndPoint!;

    /// <summary>Completes when the connection has ended (baresip exited, or this was disposed).</summary>
    public Task Closed => _receiving;

    /// <summary>Connects to ctrl_tcp at <paramref name="endPoint"/>.</summary>
    public static async Task<BaresipControl> ConnectAsync(
        IPEndPoint endPoint, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new BaresipControl(socket, timeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Sends one command (as the menu module names it: "dial", "hangup", "accept", "reginfo",
    /// "listcalls", "help", …) and returns baresip's response, ok or not.
    /// </summary>
    public async Task<BaresipResponse> SendCommandAsync(
        string command, string? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var token = Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<BaresipResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = reply;
        try
        {
            if (IsClosed)
            {
                throw new IOException($"baresip control connection is closed; cannot send '{command}'.");
            }
            var frame = Netstring.Encode(JsonSerializer.SerializeToUtf8Bytes(
                new Dictionary<string, string?> { ["command"] = command, ["params"] = parameters, ["token"] = token }));
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writeLock.Release();
            }
            var wait = timeout ?? CommandTimeout;
            try
            {
                return await reply.Task.WaitAsync(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"baresip did not answer '{command}' within {wait.TotalSeconds:0.#} s.");
            }
        }
        finally
        {
            _pending.TryRemove(token, out _);
        }
    }

    /// <summary>Dials <paramref name="uri"/> (e.g. "sip:100@127.0.0.1:5060"); throws when baresip refuses.</summary>
    public Task DialAsync(string uri, CancellationToken cancellationToken = default) =>
        RequireOkAsync("dial", uri, cancellationToken);

    /// <summary>Hangs up the current call; throws when baresip refuses (e.g. no call).</summary>
    public Task HangupAsync(CancellationToken cancellationToken = default) =>
        RequireOkAsync("hangup", null, cancellationToken);

    /// <summary>Answers the ringing incoming call; throws when baresip refuses.</summary>
    public Task AcceptAsync(CancellationToken cancellationToken = default) =>
        RequireOkAsync("accept", null, cancellationToken);

    /// <summary>baresip's registration listing (the "reginfo" command) as text.</summary>
    public async Task<string> RegistrationInfoAsync(CancellationToken cancellationToken = default) =>
        (await RequireOkAsync("reginfo", null, cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>baresip's active call listing (the "listcalls" command) as text.</summary>
    public async Task<string> ListCallsAsync(CancellationToken cancellationToken = default) =>
        (await RequireOkAsync("listcalls", null, cancellationToken).ConfigureAwait(false)).Data;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _closing.CancelAsync().ConfigureAwait(false);
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already disconnected.
        }
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Closing is what we asked for.
        }
        _closing.Dispose();
    }

    private async Task<BaresipResponse> RequireOkAsync(string command, string? parameters, CancellationToken cancellationToken)
    {
        var response = await SendCommandAsync(command, parameters, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Ok ? response : throw new BaresipCommandException(command, response);
    }
}
