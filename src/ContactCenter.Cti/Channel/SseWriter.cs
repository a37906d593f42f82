using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;
using System.Text.Json;
using ContactCenter.Events;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// Writes Server-Sent Events (WHATWG HTML §9.2) straight into the response pipe: <c>id:</c> is the event's seq, the
/// data is the envelope as one line of JSON (the JSON writer escapes every control character, so no newline can
/// split it). Writes only buffer in the pipe; the session flushes once per batch.
/// </summary>
internal sealed class SseWriter(PipeWriter output) : IChannelWriter
{
    private readonly Utf8JsonWriter _json = new(output);

    public void WriteRetry(int milliseconds)
    {
        Write("retry: "u8);
        WriteNumber(milliseconds);
        Write("\n: connected\n\n"u8);
    }

    public void WriteEvent(EventEnvelope envelope)
    {
        // One contiguous write per event (one GetSpan/Advance): the JSON is serialized once per event and shared by every
        // channel; it is one line, since the serializer escapes every control character.
        var json = envelope.Utf8Json.Span;
        var span = output.GetSpan(4 + 20 + 7 + json.Length + 2);
        "id: "u8.CopyTo(span);
        Utf8Formatter.TryFormat(envelope.Seq, span[4..], out int digits);
        var at = 4 + digits;
        "\ndata: "u8.CopyTo(span[at..]);
        at += 7;
        json.CopyTo(span[at..]);
        at += json.Length;
        "\n\n"u8.CopyTo(span[at..]);
        output.Advance(at + 2);
    }

    /// <summary><c>event: heartbeat</c>; its id is the position (every wanted event up to it was sent), so a resume after a long quiet time stays exact.</summary>
    public void WriteHeartbeat(long position, long currentSeq, DateTimeOffset now)
    {
        if (position > 0)
        {
            Write("id: "u8);
            WriteNumber(position);
            Write("\n"u8);
        }
        Write("event: heartbeat\ndata: "u8);
        _json.WriteStartObject();
        ChannelHeartbeat.WriteProperties(_json, currentSeq, now);
        _json.WriteEndObject();
        EndJson();
        Write("\n\n"u8);
    }

    /// <summary>
    /// <c>event: resync_required</c>: the client cannot be given a complete stream from where it was. Its id is the
    /// seq the stream continues after, so the next reconnect resumes from there.
    /// </summary>
    public void WriteResync(ChannelResync resync)
    {
        Write("id: "u8);
        WriteNumber(resync.ResumeAfterSeq);
        Write("\nevent: resync_required\ndata: "u8);
        _json.WriteStartObject();
        resync.WriteProperties(_json);
        _json.WriteEndObject();
        EndJson();
        Write("\n\n"u8);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken) => await output.FlushAsync(cancellationToken);

    private void EndJson()
    {
        _json.Flush();
        _json.Reset(output);
    }

    private void Write(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private void WriteNumber(long value)
    {
        var span = output.GetSpan(20);
        Utf8Formatter.TryFormat(value, span, out int written);
        output.Advance(written);
    }
}
