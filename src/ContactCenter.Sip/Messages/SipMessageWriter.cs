using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Writes an outgoing message straight to bytes: start line, headers in the order given, then Content-Length and the
/// body. Values copied from a received message go across as bytes, never through strings.
/// </summary>
public sealed class SipMessageWriter
{
    // A pooled working buffer: the only allocation per message is the exact array Finish returns.
    private byte[] _buffer;
    private int _written;

    public SipMessageWriter(int initialCapacity = 1024) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));

    public SipMessageWriter RequestLine(SipMethod method, ReadOnlySpan<byte> requestUri) =>
        RequestLine(SipMethods.NameOf(method), requestUri);

    public SipMessageWriter RequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri)
    {
        Write(method);
        Write(" "u8);
        Write(requestUri);
        Write(" SIP/2.0\r\n"u8);
        return this;
    }

    public SipMessageWriter StatusLine(int statusCode, string reasonPhrase)
    {
        Write("SIP/2.0 "u8);
        WriteNumber(statusCode);
        Write(" "u8);
        WriteText(reasonPhrase);
        Write("\r\n"u8);
        return this;
    }

    /// <summary>A status line with the reason phrase as bytes (UTF-8), e.g. one copied from a received response.</summary>
    public SipMessageWriter StatusLine(int statusCode, ReadOnlySpan<byte> reasonPhrase)
    {
        Write("SIP/2.0 "u8);
        WriteNumber(statusCode);
        Write(" "u8);
        Write(reasonPhrase);
        Write("\r\n"u8);
        return this;
    }

    public SipMessageWriter Header(HeaderId id, ReadOnlySpan<byte> value) => Header(HeaderNames.CanonicalBytes(id), value);

    public SipMessageWriter Header(HeaderId id, string value) => Header(HeaderNames.CanonicalBytes(id), value);

    public SipMessageWriter Header(HeaderId id, long value)
    {
        Write(HeaderNames.CanonicalBytes(id));
        Write(": "u8);
        WriteNumber(value);
        Write("\r\n"u8);
        return this;
    }

    public SipMessageWriter Header(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        Write(name);
        Write(": "u8);
        Write(value);
        Write("\r\n"u8);
        return this;
    }

    public SipMessageWriter Header(ReadOnlySpan<byte> name, string value)
    {
        Write(name);
        Write(": "u8);
        WriteText(value);
        Write("\r\n"u8);
        return this;
    }

    public SipMessageWriter Header(string name, string value) => Header(Encoding.ASCII.GetBytes(name), value);

    /// <summary>Copies every line of a header from a received message, values as received.</summary>
    public SipMessageWriter CopyHeaders(SipMessage from, HeaderId id)
    {
        var data = from.Data.Span;
        foreach (ref readonly var h in from.Headers)
            if (h.Id == id) Header(id, h.Value.Slice(data));
        return this;
    }

    /// <summary>Raw bytes inside a header value being built piece by piece (see <see cref="BeginHeader"/>).</summary>
    public SipMessageWriter Append(ReadOnlySpan<byte> bytes)
    {
        Write(bytes);
        return this;
    }

    public SipMessageWriter Append(string text)
    {
        WriteText(text);
        return this;
    }

    public SipMessageWriter Append(long number)
    {
        WriteNumber(number);
        return this;
    }

    public SipMessageWriter BeginHeader(HeaderId id)
    {
        Write(HeaderNames.CanonicalBytes(id));
        Write(": "u8);
        return this;
    }

    public SipMessageWriter EndHeader()
    {
        Write("\r\n"u8);
        return this;
    }

    /// <summary>Ends the header section with Content-Length (always written, streams need it) and appends the body.</summary>
    public byte[] Finish(ReadOnlySpan<byte> body = default, string? contentType = null)
    {
        if (contentType != null) Header(HeaderId.ContentType, contentType);
        Header(HeaderId.ContentLength, body.Length);
        Write("\r\n"u8);
        Write(body);
        return TakeMessage();
    }

    /// <summary>
    /// Ends the header section as written and appends the body, adding no Content-Length: for relaying or
    /// re-serializing a message whose headers (its Content-Length included) were copied as they came.
    /// </summary>
    public byte[] FinishAsWritten(ReadOnlySpan<byte> body = default)
    {
        Write("\r\n"u8);
        Write(body);
        return TakeMessage();
    }

    private byte[] TakeMessage()
    {
        var message = _buffer.AsSpan(0, _written).ToArray();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _written = 0;
        return message;
    }

    private Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _written < size)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + size));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(_written);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _written += bytes.Length;
    }

    private void WriteText(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        _written += Encoding.UTF8.GetBytes(text, GetSpan(max));
    }

    private void WriteNumber(long value)
    {
        Utf8Formatter.TryFormat(value, GetSpan(20), out int written);
        _written += written;
    }
}
