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
    [System.Runtime.CompilerServices.SkipLocalsInit] // the 2 KiB field buffer needs no zeroing
    public static bool TryParse(ReadOnlyMemory<byte> data, out SipMessage? message, out SipParseError error)
    {
        message = null;
        var span = data.Span;
        int start = 0;
        while (start + 1 < span.Length && span[start] == (byte)'\r' && span[start + 1] == (byte)'\n') start += 2;
        if (start > 0) { data = data[start..]; span = data.Span; }

        // One pass over the header lines into a stack buffer; the message keeps an exact-size copy.
        Span<HeaderField> fields = stackalloc HeaderField[SipLimits.MaxHeaderCount];
        int count, firstLineEnd, bodyStart = 0;
        var lineError = SipParseError.None;
        bool unfolded = false;
        while (true)
        {
            var window = span.Length > SipLimits.MaxMessageSize ? span[..SipLimits.MaxMessageSize] : span;
            firstLineEnd = IndexOfCrlf(window, 0);
            if (firstLineEnd <= 0)
                return Fail(out error, firstLineEnd < 0 && span.Length > SipLimits.MaxMessageSize ? RejectionReason.MessageTooLarge : RejectionReason.InvalidStartLine);
            count = 0;
            lineError = SipParseError.None;
            int pos = firstLineEnd + 2;
            bool folded = !unfolded && IsFolded(span, firstLineEnd);
            while (!folded)
            {
                int rel = IndexOfCrlf(window, pos);
                if (rel == 0)
                {
                    bodyStart = pos + 2;
                    break;
                }
                if (rel < 0)
                {
                    // A datagram whose last header line ends the packet without the empty line: the header section is
                    // complete and the body empty (as PJSIP reads it). Streams never get here: the framer needs the line.
                    if (pos == span.Length)
                    {
                        bodyStart = pos;
                        break;
                    }
                    return Fail(out error, span.Length > SipLimits.MaxMessageSize ? RejectionReason.MessageTooLarge : RejectionReason.InvalidHeaderLine);
                }
                int lineEnd = pos + rel;
                if (!unfolded && IsFolded(span, lineEnd))
                {
                    folded = true;
                    break;
                }
                if (count == SipLimits.MaxHeaderCount) return Fail(out error, RejectionReason.TooManyHeaders);
                // A line that is no header is left out but remembered, so the rest can still route the 400.
                if (SplitHeaderLine(span, pos, lineEnd, out fields[count], out var fieldError)) count++;
                else if (!lineError.IsError) lineError = fieldError;
                pos = lineEnd + 2;
            }
            if (!folded) break;
            // Folded lines (CRLF then SP/HT) are rare: unfold them on a private copy, keeping offsets, and start over.
            data = Unfold(data);
            span = data.Span;
            unfolded = true;
        }

        // A bad start line still lets the headers be read, so a request can be answered (400, 505) where its Via,
        // From, To, Call-ID and CSeq say; the start line's error wins over any found later.
        var startLine = new StartLine();
        bool startLineValid = ParseStartLine(span[..firstLineEnd], ref startLine, out var startLineError);
        var headers = count == 0 ? [] : fields[..count].ToArray();
        bool valid = BuildMessage(data, headers, count, ref startLine, bodyStart, out message, out error);
        if (!startLineValid) error = startLineError;
        else if (lineError.IsError) error = lineError;
        else return valid;
        return false;
    }

    /// <summary>The next CRLF at or after <paramref name="from"/>, relative to it; a bare LF is line content, not an end.</summary>
    private static int IndexOfCrlf(ReadOnlySpan<byte> span, int from)
    {
        int i = from;
        while (true)
        {
            // A one-byte search is quicker than a two-byte one, and a bare LF is rare.
            int lf = span[i..].IndexOf((byte)'\n');
            if (lf < 0) return -1;
            i += lf;
            if (i > from && span[i - 1] == (byte)'\r') return i - 1 - from;
            i++;
        }
    }

    private static bool IsFolded(ReadOnlySpan<byte> span, int lineEnd) =>
        lineEnd + 2 < span.Length && span[lineEnd + 2] is (byte)' ' or (byte)'\t';

    private static bool SplitHeaderLine(ReadOnlySpan<byte> span, int lineStart, int lineEnd, out HeaderField field, out SipParseError error)
    {
        field = default;
        var line = span[lineStart..lineEnd];
        int colon = line.IndexOf((byte)':');
        if (colon <= 0) return Fail(out error, RejectionReason.InvalidHeaderLine);
        int nameEnd = colon;
        while (nameEnd > 0 && (line[nameEnd - 1] == (byte)' ' || line[nameEnd - 1] == (byte)'\t')) nameEnd--;
        var name = line[..nameEnd];
        var id = HeaderNames.Lookup(name); // a known name is a token: only unknown ones need the check
        if (id == HeaderId.Other && (nameEnd > SipLimits.MaxHeaderNameLength || !SipSyntax.IsToken(name)))
            return Fail(out error, RejectionReason.InvalidHeaderLine);
        var (valueStart, valueLength) = SipSyntax.TrimRange(span, lineStart + colon + 1, lineEnd - lineStart - colon - 1);
        field = new HeaderField(id, new TextRange((ushort)lineStart, (ushort)nameEnd),
            new TextRange((ushort)valueStart, (ushort)valueLength));
        error = SipParseError.None;
        return true;
    }

    private static ReadOnlyMemory<byte> Unfold(ReadOnlyMemory<byte> data)
    {
        var copy = data.ToArray();
        int headerEnd = copy.AsSpan().IndexOf(EndOfHeaders);
        if (headerEnd < 0) headerEnd = copy.Length - 2;
        for (int i = 0; i < headerEnd; i++)
        {
            if (copy[i] == (byte)'\r' && copy[i + 1] == (byte)'\n' && copy[i + 2] is (byte)' ' or (byte)'\t')
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
