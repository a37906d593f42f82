using System.Buffers;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Finds message boundaries in a byte stream (TCP): the header section ends at the first empty line and the body is
/// Content-Length bytes, which is mandatory on a stream (RFC 3261 §18.3). Only finds boundaries; parsing is
/// <see cref="SipMessageParser"/>'s job. Incomplete input consumes nothing.
/// </summary>
public static class SipStreamFramer
{
    private static ReadOnlySpan<byte> EndOfHeaders => "\r\n\r\n"u8;

    public static FrameStatus TryFrame(in ReadOnlySequence<byte> buffer, int maxMessageSize, out int length, out SipParseError error)
    {
        length = 0;
        error = SipParseError.None;
        if (buffer.IsEmpty) return FrameStatus.Incomplete;
        // Look at no more than a maximal message; copy a multi-segment prefix into one span (streams rarely split).
        int window = (int)Math.Min(buffer.Length, maxMessageSize + 4L);
        if (buffer.FirstSpan.Length >= window)
            return Frame(buffer.FirstSpan[..window], buffer.Length, maxMessageSize, out length, out error);
        byte[] rented = ArrayPool<byte>.Shared.Rent(window);
        try
        {
            buffer.Slice(0, window).CopyTo(rented);
            return Frame(rented.AsSpan(0, window), buffer.Length, maxMessageSize, out length, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static FrameStatus TryFrame(ReadOnlySpan<byte> buffer, int maxMessageSize, out int length, out SipParseError error)
    {
        length = 0;
        error = SipParseError.None;
        if (buffer.IsEmpty) return FrameStatus.Incomplete;
        int window = (int)Math.Min(buffer.Length, maxMessageSize + 4L);
        return Frame(buffer[..window], buffer.Length, maxMessageSize, out length, out error);
    }

    private static FrameStatus Frame(ReadOnlySpan<byte> data, long totalLength, int maxMessageSize, out int length, out SipParseError error)
    {
        length = 0;
        error = SipParseError.None;
        if (data[0] == (byte)'\r' || data[0] == (byte)'\n')
        {
            // RFC 5626 §3.5.1: CRLFCRLF is a ping, CRLF a pong; RFC 3261 §7.5: CRLFs before a start line are ignored.
            if (data.StartsWith(EndOfHeaders)) { length = 4; return FrameStatus.KeepAlive; }
            if (data.Length < 4 && EndOfHeaders.StartsWith(data)) return FrameStatus.Incomplete;
            if (data.StartsWith("\r\n"u8)) { length = 2; return FrameStatus.KeepAlive; }
            length = 1;
            return FrameStatus.KeepAlive; // a stray CR or LF: skip it
        }

        int headerEnd = data.IndexOf(EndOfHeaders);
        if (headerEnd < 0)
        {
            if (data.Length > maxMessageSize) { error = new SipParseError(RejectionReason.MessageTooLarge); return FrameStatus.Error; }
            return FrameStatus.Incomplete;
        }
        int bodyStart = headerEnd + 4;
        if (!TryFindContentLength(data[..(headerEnd + 2)], out int contentLength, out error)) return FrameStatus.Error;
        long total = (long)bodyStart + contentLength;
        if (total > maxMessageSize) { error = new SipParseError(RejectionReason.MessageTooLarge); return FrameStatus.Error; }
        if (totalLength < total) return FrameStatus.Incomplete;
        length = (int)total;
        return FrameStatus.Message;
    }

    private static bool TryFindContentLength(ReadOnlySpan<byte> headers, out int contentLength, out SipParseError error)
    {
        contentLength = -1;
        error = SipParseError.None;
        int lineStart = headers.IndexOf("\r\n"u8) + 2; // skip the start line
        while (lineStart < headers.Length)
        {
            int lineEnd = lineStart + headers[lineStart..].IndexOf("\r\n"u8);
            var line = headers[lineStart..lineEnd];
            lineStart = lineEnd + 2;
            if (line.IsEmpty || line[0] == (byte)' ' || line[0] == (byte)'\t') continue;
            int colon = line.IndexOf((byte)':');
            if (colon <= 0) continue;
            var name = SipSyntax.Trim(line[..colon]);
            if (HeaderNames.Lookup(name) != HeaderId.ContentLength) continue;
            // The value may be folded onto following lines; collect its digits up to the next header.
            var value = SipSyntax.Trim(line[(colon + 1)..]);
            while (value.IsEmpty && lineStart < headers.Length && (headers[lineStart] == (byte)' ' || headers[lineStart] == (byte)'\t'))
            {
                int next = lineStart + headers[lineStart..].IndexOf("\r\n"u8);
                value = SipSyntax.Trim(headers[lineStart..next]);
                lineStart = next + 2;
            }
            if (contentLength >= 0 || !SipSyntax.TryParseUInt(value, int.MaxValue, out ulong cl))
            {
                error = new SipParseError(RejectionReason.InvalidContentLength, HeaderId.ContentLength);
                return false;
            }
            contentLength = (int)cl;
        }
        if (contentLength < 0)
        {
            error = new SipParseError(RejectionReason.MissingContentLength, HeaderId.ContentLength);
            return false;
        }
        return true;
    }
}
