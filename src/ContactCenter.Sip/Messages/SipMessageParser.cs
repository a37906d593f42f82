namespace ContactCenter.Sip.Messages;

/// <summary>
/// Parses one complete message (a datagram, or a frame cut by <see cref="SipStreamFramer"/>) into a
/// <see cref="SipMessage"/> without copying it, except to unfold continuation lines. Builds the routing view and
/// checks it; other headers are left for lazy parsing. Never throws on bad input.
/// </summary>
public static partial class SipMessageParser
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;
    private static ReadOnlySpan<byte> EndOfHeaders => "\r\n\r\n"u8;

    /// <summary>
    /// Parses <paramref name="data"/>. On failure <paramref name="message"/> is still set when the header section
    /// could be split into fields, so a server can build the 400 response (RFC 3261 §8.2) from it.
    /// For a datagram, bytes past Content-Length are ignored (RFC 3261 §18.3).
    /// </summary>
    public static bool TryParse(ReadOnlyMemory<byte> data, out SipMessage? message, out SipParseError error)
    {
        message = null;
        var span = data.Span;
        int start = 0;
        while (start + 1 < span.Length && span[start] == (byte)'\r' && span[start + 1] == (byte)'\n') start += 2;
        if (start > 0) { data = data[start..]; span = data.Span; }
        if (span.Length > SipLimits.MaxMessageSize && span[..SipLimits.MaxMessageSize].IndexOf(EndOfHeaders) < 0)
            return Fail(out error, RejectionReason.MessageTooLarge);

        int firstLineEnd = span.IndexOf(Crlf);
        if (firstLineEnd <= 0) return Fail(out error, RejectionReason.InvalidStartLine);
        int headerEnd = span.IndexOf(EndOfHeaders);
        int bodyStart = headerEnd + 4;
        if (headerEnd < 0)
        {
            // A datagram whose last header line ends the packet without the empty line: the header section is
            // complete and the body empty (as PJSIP reads it). Streams never get here: the framer needs the empty line.
            if (!span.EndsWith(Crlf)) return Fail(out error, RejectionReason.InvalidHeaderLine);
            headerEnd = span.Length - 2;
            bodyStart = span.Length;
        }
        if (bodyStart > SipLimits.MaxMessageSize) return Fail(out error, RejectionReason.MessageTooLarge);

        // Folded header lines (CRLF followed by SP/HT) are rare: unfold them on a private copy, keeping offsets.
        var headerSection = span[..(headerEnd + 2)];
        if (headerSection.IndexOf("\n "u8) >= 0 || headerSection.IndexOf("\n\t"u8) >= 0)
        {
            data = Unfold(data, headerEnd);
            span = data.Span;
        }

        // Unfolding may have joined a continuation onto the start line; find its end again.
        firstLineEnd = span.IndexOf(Crlf);

        // A bad start line still lets the headers be split, so a request can be answered (400, 505) where its Via,
        // From, To, Call-ID and CSeq say; the start line's error wins over any found later.
        var startLine = new StartLine();
        bool startLineValid = ParseStartLine(span[..firstLineEnd], ref startLine, out var startLineError);

        int lineCount = span[..(headerEnd + 2)].Count(Crlf) - 1;
        if (lineCount > SipLimits.MaxHeaderCount) return Fail(out error, RejectionReason.TooManyHeaders);
        var headers = new HeaderField[Math.Max(lineCount, 0)];
        int count = 0;
        int lineStart = firstLineEnd + 2;
        var lineError = SipParseError.None;
        while (lineStart < headerEnd + 2)
        {
            int lineEnd = lineStart + span[lineStart..].IndexOf(Crlf);
            // A line that is no header is left out but remembered, so the rest can still route the 400.
            if (SplitHeaderLine(span, lineStart, lineEnd, out var field, out var fieldError)) headers[count++] = field;
            else if (!lineError.IsError) lineError = fieldError;
            lineStart = lineEnd + 2;
        }

        bool valid = BuildMessage(data, headers, count, ref startLine, bodyStart, out message, out error);
        if (!startLineValid) error = startLineError;
        else if (lineError.IsError) error = lineError;
        else return valid;
        return false;
    }

    private static bool SplitHeaderLine(ReadOnlySpan<byte> span, int lineStart, int lineEnd, out HeaderField field, out SipParseError error)
    {
        field = default;
        var line = span[lineStart..lineEnd];
        int colon = line.IndexOf((byte)':');
        if (colon <= 0) return Fail(out error, RejectionReason.InvalidHeaderLine);
        int nameEnd = colon;
        while (nameEnd > 0 && (line[nameEnd - 1] == (byte)' ' || line[nameEnd - 1] == (byte)'\t')) nameEnd--;
        var name = line[..nameEnd];
        if (!SipSyntax.IsToken(name)) return Fail(out error, RejectionReason.InvalidHeaderLine);
        var (valueStart, valueLength) = SipSyntax.TrimRange(span, lineStart + colon + 1, lineEnd - lineStart - colon - 1);
        field = new HeaderField(HeaderNames.Lookup(name), new TextRange((ushort)lineStart, (ushort)nameEnd),
            new TextRange((ushort)valueStart, (ushort)valueLength));
        error = SipParseError.None;
        return true;
    }

    private static ReadOnlyMemory<byte> Unfold(ReadOnlyMemory<byte> data, int headerEnd)
    {
        var copy = data.ToArray();
        for (int i = 0; i + 2 < headerEnd + 2; i++)
        {
            if (copy[i] == (byte)'\r' && copy[i + 1] == (byte)'\n' && (copy[i + 2] == (byte)' ' || copy[i + 2] == (byte)'\t'))
            {
                copy[i] = (byte)' ';
                copy[i + 1] = (byte)' ';
            }
        }
        return copy;
    }

    internal static bool Fail(out SipParseError error, RejectionReason reason, HeaderId header = HeaderId.Other)
    {
        error = new SipParseError(reason, header);
        return false;
    }
}
