using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using ContactCenter.Events;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// The WebSocket transport: one text message per event, each the event envelope exactly as SSE's <c>data:</c> carries
/// it (so it has <c>type</c> and <c>seq</c>), and control messages with <c>type</c> <c>heartbeat</c> or
/// <c>resync_required</c> (event types are dotted, these are not). A batch is serialized into one buffer, then sent
/// message by message.
/// </summary>
internal sealed class WebSocketChannelWriter : IChannelWriter
{
    private const int InitialBuffer = 16 * 1024;
    private const int KeptBuffer = 1024 * 1024;

    private readonly WebSocket _socket;
    private readonly List<int> _messageEnds = new(ChannelSession.MaxEventsPerFlush + 1);
    private ArrayBufferWriter<byte> _buffer = new(InitialBuffer);
    private Utf8JsonWriter _json;

    public WebSocketChannelWriter(WebSocket socket)
    {
        _socket = socket;
        _json = new Utf8JsonWriter(_buffer);
    }

    public void WriteEvent(EventEnvelope envelope)
    {
        _buffer.Write(envelope.Utf8Json.Span); // serialized once per event, shared by every channel
        _messageEnds.Add(_buffer.WrittenCount);
    }

    public void WriteHeartbeat(long position, long currentSeq, DateTimeOffset now)
    {
        _json.WriteStartObject();
        _json.WriteString("type"u8, "heartbeat"u8);
        if (position > 0)
            _json.WriteNumber("position"u8, position);
        ChannelHeartbeat.WriteProperties(_json, currentSeq, now);
        _json.WriteEndObject();
        EndMessage();
    }

    public void WriteResync(ChannelResync resync)
    {
        _json.WriteStartObject();
        _json.WriteString("type"u8, "resync_required"u8);
        resync.WriteProperties(_json);
        _json.WriteEndObject();
        EndMessage();
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        var written = _buffer.WrittenMemory;
        int start = 0;
        foreach (int end in _messageEnds)
        {
            await _socket.SendAsync(written[start..end], WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            start = end;
        }
        _messageEnds.Clear();
        if (_buffer.Capacity > KeptBuffer)
        {
            // A batch of large events grew the buffer: do not keep megabytes per idle connection.
            _buffer = new ArrayBufferWriter<byte>(InitialBuffer);
            _json.Reset(_buffer);
        }
        else
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
        }
    }

    private void EndMessage()
    {
        _json.Flush();
        _json.Reset(_buffer);
        _messageEnds.Add(_buffer.WrittenCount);
    }
}
