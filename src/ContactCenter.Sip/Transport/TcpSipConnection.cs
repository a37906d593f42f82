using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// One TCP connection: a receive loop that frames messages with <see cref="SipStreamFramer"/> and a send loop fed by a
/// bounded queue, so a peer that stops reading never blocks the sender (its connection is closed instead).
/// </summary>
internal sealed class TcpSipConnection : IAsyncDisposable
{
    private static readonly byte[] Pong = "\r\n"u8.ToArray();

    private readonly TcpSipTransport _transport;
    private readonly Channel<ReadOnlyMemory<byte>> _sendQueue;
    private readonly CancellationTokenSource _closed;
    private Socket? _socket;
    private Task? _receiveLoop;
    private Task? _sendLoop;
    private int _disposed;

    public TcpSipConnection(TcpSipTransport transport, long id, Socket? socket, IPEndPoint remote)
    {
        _transport = transport;
        Id = id;
        _socket = socket;
        Remote = remote;
        _closed = CancellationTokenSource.CreateLinkedTokenSource(transport.Stopping);
        _sendQueue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(transport.Layer.Options.ConnectionSendQueue)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public long Id { get; }

    public IPEndPoint Remote { get; }

    private SipTransportLayer Layer => _transport.Layer;

    public bool Enqueue(ReadOnlyMemory<byte> message) => _disposed == 0 && _sendQueue.Writer.TryWrite(message);

    public void Start()
    {
        _receiveLoop = Task.Run(ReceiveLoopAsync);
        _sendLoop = Task.Run(SendLoopAsync);
    }

    public void StartOutbound() => _ = Task.Run(async () =>
    {
        var socket = new Socket(Remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(32)); // Timer B/F scale: no connect should outlive a transaction
            await socket.ConnectAsync(Remote, timeout.Token);
            _socket = socket;
            Start();
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            Layer.Log.Write(SipLogLevel.Warning, "sip.tcp", () => $"TCP connect to {Remote} failed: {ex.Message}");
            Layer.Statistics.SendFailed();
            await DisposeAsync();
        }
    });

    private async Task ReceiveLoopAsync()
    {
        var socket = _socket!;
        var source = new SipSource(SipTransportKind.Tcp, Remote, _transport.LocalEndPoint, Id);
        var reader = PipeReader.Create(new NetworkStream(socket, ownsSocket: false),
            new StreamPipeReaderOptions(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024));
        int maxSize = Layer.Options.MaxMessageSize;
        var scan = default(SipFrameScanState); // resumes where the last read stopped: each byte examined once
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_closed.Token);
                var buffer = result.Buffer;
                bool close = false;
                while (!close)
                {
                    var status = SipStreamFramer.TryFrame(buffer, maxSize, ref scan, out int length, out var error);
                    if (status == FrameStatus.Incomplete) break;
                    if (status == FrameStatus.KeepAlive)
                    {
                        Layer.Statistics.KeepAlive();
                        if (length == 4) Enqueue(Pong); // RFC 5626 §3.5.1: answer a CRLFCRLF ping with a CRLF pong
                        buffer = buffer.Slice(length);
                        continue;
                    }
                    if (status == FrameStatus.Error)
                    {
                        RejectUnframeable(buffer, error, source);
                        close = true;
                        break;
                    }
                    var message = buffer.Slice(0, length).ToArray();
                    buffer = buffer.Slice(length);
                    Layer.Deliver(message, source);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (close || result.IsCompleted) break;
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
        finally
        {
            await reader.CompleteAsync();
            await DisposeAsync();
        }
    }

    /// <summary>
    /// A stream that cannot be framed (no Content-Length, too large) is answered 400/513 when its header section is in
    /// hand, then closed: the next byte's position in the stream is unknown (RFC 3261 §18.3).
    /// </summary>
    private void RejectUnframeable(ReadOnlySequence<byte> buffer, SipParseError error, SipSource source)
    {
        bool answered = false;
        var window = buffer.Slice(0, Math.Min(buffer.Length, Layer.Options.MaxMessageSize)).ToArray();
        int headerEnd = window.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd > 0)
        {
            SipMessageParser.TryParse(window.AsMemory(0, headerEnd + 4), out var message, out _);
            if (message != null && SipTransportLayer.IsAnswerable(message))
            {
                message.Source = source;
                answered = Layer.Reject(message, error);
            }
        }
        Layer.Statistics.MalformedMessage(answered);
        Layer.Log.Write(SipLogLevel.Warning, "sip.malformed", () => $"Unframeable SIP stream from {Remote}: {error}; closing");
    }

    private async Task SendLoopAsync()
    {
        var socket = _socket!;
        try
        {
            await foreach (var message in _sendQueue.Reader.ReadAllAsync(_closed.Token))
            {
                int sent = 0;
                while (sent < message.Length)
                    sent += await socket.SendAsync(message[sent..], SocketFlags.None, _closed.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
        catch (ObjectDisposedException) { }
        finally
        {
            await DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _transport.Unregister(this);
        _sendQueue.Writer.TryComplete();
        // Let queued messages (such as a 400 before closing) drain briefly before the socket goes.
        if (_sendLoop != null && !_sendLoop.IsCompleted)
            await Task.WhenAny(_sendLoop, Task.Delay(TimeSpan.FromMilliseconds(200)));
        _closed.Cancel();
        try { _socket?.Shutdown(SocketShutdown.Both); } catch (Exception) { /* already gone */ }
        _socket?.Dispose();
        _closed.Dispose();
    }
}
