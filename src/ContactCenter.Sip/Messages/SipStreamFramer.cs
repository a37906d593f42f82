using System.Buffers;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// Finds message boundaries in a byte stream (TCP): the header section ends at the first empty line and the body is
/// Content-Length bytes, which is mandatory on a stream (RFC 3261 §18.3). Only finds boundaries; parsing is
/// <see cref="SipMessageParser"/>'s job. Incomplete input consumes nothing (<c>length</c> is 0). With a
/// <see cref="SipFrameScanState"/> kept per connection, each byte is examined once however the bytes arrive.
/// </summary>
public static class SipStreamFramer
{
    private static ReadOnlySpan<byte> EndOfHeaders => "\r\n\r\n"u8;

    public static FrameStatus TryFrame(in ReadOnlySequence<byte> buffer, int maxMessageSize, out int length, out SipParseError error)
    {
        var state = default(SipFrameScanState);
        return TryFrame(buffer, maxMessageSize, ref state, out length, out error);
    }

    public static FrameStatus TryFrame(ReadOnlySpan<byte> buffer, int maxMessageSize, out int length, out SipParseError error)
    {
        var state = default(SipFrameScanState);
        return TryFrame(buffer, maxMessageSize, ref state, out length, out error);
    }

    public static FrameStatus TryFrame(in ReadOnlySequence<byte> buffer, int maxMessageSize, ref SipFrameScanState state,
        out int length, out SipParseError error)
    {
        if (buffer.IsSingleSegment) return TryFrame(buffer.FirstSpan, maxMessageSize, ref state, out length, out error);
        length = 0;
        error = SipParseError.None;
        if (state.BodyStart == 0)
        {
            Span<byte> head = stackalloc byte[4];
            int headLength = (int)Math.Min(head.Length, buffer.Length);
            buffer.Slice(0, headLength).CopyTo(head);
            if (IsKeepAlive(head[..headLength], out var keepAlive, out length)) return keepAlive;

            long window = Math.Min(buffer.Length, maxMessageSize + 4L);
            long headerEnd = IndexOfEndOfHeaders(buffer.Slice(0, window), state.Scanned);
            if (headerEnd < 0) return NeedMoreHeader(window, buffer.Length, maxMessageSize, ref state, out error);

            // The header section is copied once per message to read Content-Length from one span.
            int sectionLength = (int)headerEnd + 2;
            byte[] rented = ArrayPool<byte>.Shared.Rent(sectionLength);
            try
            {
                buffer.Slice(0, sectionLength).CopyTo(rented);
                if (!TryFindContentLength(rented.AsSpan(0, sectionLength), out state.ContentLength, out error)) return FrameStatus.Error;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
            state.BodyStart = sectionLength + 2;
        }
        return Complete(buffer.Length, maxMessageSize, ref state, out length, out error);
    }

    public static FrameStatus TryFrame(ReadOnlySpan<byte> buffer, int maxMessageSize, ref SipFrameScanState state,
        out int length, out SipParseError error)
    {
        length = 0;
        error = SipParseError.None;
        if (buffer.IsEmpty) return FrameStatus.Incomplete;
        if (state.BodyStart == 0)
        {
            if (IsKeepAlive(buffer[..Math.Min(4, buffer.Length)], out var keepAlive, out length)) return keepAlive;

            int window = (int)Math.Min(buffer.Length, maxMessageSize + 4L);
            int from = (int)Math.Min(state.Scanned, window);
            int found = buffer[from..window].IndexOf(EndOfHeaders);
            if (found < 0) return NeedMoreHeader(window, buffer.Length, maxMessageSize, ref state, out error);
            int sectionLength = from + found + 2;
            if (!TryFindContentLength(buffer[..sectionLength], out state.ContentLength, out error)) return FrameStatus.Error;
            state.BodyStart = sectionLength + 2;
        }
        return Complete(buffer.Length, maxMessageSize, ref state, out length, out error);
    }

    /// <summary>
    /// RFC 5626 §3.5.1: CRLFCRLF is a ping (answer with CRLF), CRLF a pong; RFC 3261 §7.5: CRLFs before a start line
    /// are ignored. A lone CR or LF is skipped. "\r", "\r\n" and "\r\n\r" wait: they may become a ping.
    /// </summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> head, out FrameStatus status, out int length)
    {
        status = FrameStatus.KeepAlive;
        length = 0;
        if (head[0] != (byte)'\r' && head[0] != (byte)'\n') return false;
        if (head.StartsWith(EndOfHeaders)) length = 4;
        else if (head.Length < 4 && EndOfHeaders.StartsWith(head)) status = FrameStatus.Incomplete;
        else if (head.StartsWith("\r\n"u8)) length = 2;
        else length = 1;
        return true;
    }

    private static long IndexOfEndOfHeaders(in ReadOnlySequence<byte> buffer, long from)
    {
        from = Math.Min(from, buffer.Length);
        var reader = new SequenceReader<byte>(buffer.Slice(from));
        return reader.TryReadTo(out ReadOnlySequence<byte> _, EndOfHeaders, advancePastDelimiter: false) ? from + reader.Consumed : -1;
    }

    private static FrameStatus NeedMoreHeader(long window, long bufferLength, int maxMessageSize, ref SipFrameScanState state,
        out SipParseError error)
    {
        error = SipParseError.None;
        if (bufferLength > maxMessageSize)
        {
            error = new SipParseError(RejectionReason.MessageTooLarge);
            return FrameStatus.Error;
        }
        // The last three bytes may be the start of the empty line: look at them again next time.
        state.Scanned = Math.Max(0, window - 3);
        return FrameStatus.Incomplete;
    }

    private static FrameStatus Complete(long bufferLength, int maxMessageSize, ref SipFrameScanState state, out int length,
        out SipParseError error)
    {
        length = 0;
        error = SipParseError.None;
        long total = (long)state.BodyStart + state.ContentLength;
        if (total > maxMessageSize)
        {
            error = new SipParseError(RejectionReason.MessageTooLarge);
            return FrameStatus.Error;
        }
        if (bufferLength < total) return FrameStatus.Incomplete;
        length = (int)total;
        state = default;
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
