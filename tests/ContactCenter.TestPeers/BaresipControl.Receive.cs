using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ContactCenter.TestPeers;

public sealed partial class BaresipControl
{
    // The one receive loop of this connection: frames, then responses to their waiting command
    // and events to the kept list.
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        // A frame is at most MaxPayloadLength plus its prefix and comma.
        const int MaxBuffer = Netstring.MaxPayloadLength + 16;
        var buffer = new byte[16 * 1024];
        var filled = 0;
        Exception? failure = null;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxBuffer)
                    {
                        throw new InvalidDataException("baresip sent a frame larger than the netstring limit.");
                    }
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBuffer));
                }
                var read = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                filled += read;
                var consumed = DispatchFrames(buffer.AsSpan(0, filled));
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException
                                              or InvalidDataException or JsonException)
        {
            failure = _disposed != 0 ? null : exception;
        }
        finally
        {
            MarkClosed(failure);
        }
    }

    private int DispatchFrames(ReadOnlySpan<byte> buffer)
    {
        var consumed = 0;
        while (Netstring.TryRead(buffer[consumed..], out var payload, out var frameLength))
        {
            Dispatch(payload);
            consumed += frameLength;
        }
        return consumed;
    }

    private void Dispatch(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("baresip sent a frame that is not a JSON object.");
        }
        if (IsTrue(root, "response"))
        {
            var token = Text(root, "token");
            var response = new BaresipResponse(IsTrue(root, "ok"), Text(root, "data") ?? "", token);
            if (token is not null && _pending.TryGetValue(token, out var reply))
            {
                reply.TrySetResult(response);
            }
        }
        else if (IsTrue(root, "event"))
        {
            AddEvent(new BaresipEvent
            {
                Sequence = 0,
                Type = Text(root, "type") ?? "",
                Class = Text(root, "class"),
                AccountAor = Text(root, "accountaor"),
                Direction = Text(root, "direction"),
                PeerUri = Text(root, "peeruri"),
                CallId = Text(root, "id"),
                Parameter = Text(root, "param"),
                Json = Encoding.UTF8.GetString(payload),
            });
        }
    }

    private static bool IsTrue(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Null ? null
        : value.GetRawText();
}
