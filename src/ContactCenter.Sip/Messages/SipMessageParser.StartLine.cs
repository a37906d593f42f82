namespace ContactCenter.Sip.Messages;

public static partial class SipMessageParser
{
    private struct StartLine
    {
        public bool IsRequest;
        public SipMethod Method;
        public TextRange MethodRange;
        public TextRange UriRange;
        public int StatusCode;
        public TextRange ReasonRange;
    }

    private static bool ParseStartLine(ReadOnlySpan<byte> line, ref StartLine startLine, out SipParseError error)
    {
        error = SipParseError.None;
        if (line.Length >= 4 && System.Text.Ascii.EqualsIgnoreCase(line[..4], "SIP/"u8))
            return ParseStatusLine(line, ref startLine, out error);
        startLine.IsRequest = true;

        // Request-Line = Method SP Request-URI SP SIP-Version: exactly one SP each (RFC 4475 §3.1.2.9, §3.1.2.10).
        int firstSpace = line.IndexOf((byte)' ');
        if (firstSpace <= 0) return Fail(out error, RejectionReason.InvalidStartLine);
        int lastSpace = line.LastIndexOf((byte)' ');
        if (lastSpace == firstSpace || lastSpace == line.Length - 1) return Fail(out error, RejectionReason.InvalidStartLine);
        var method = line[..firstSpace];
        if (!SipSyntax.IsToken(method)) return Fail(out error, RejectionReason.InvalidStartLine);
        startLine.Method = SipMethods.Parse(method);
        startLine.MethodRange = new TextRange(0, (ushort)firstSpace);
        var uri = line[(firstSpace + 1)..lastSpace];
        var version = line[(lastSpace + 1)..];
        if (!IsSipVersionShape(version)) return Fail(out error, RejectionReason.InvalidStartLine);
        // A second SP next to the first or last one is a request-line error; LWS inside the URI is a URI error.
        if (uri.IsEmpty || uri[0] == (byte)' ' || uri[^1] == (byte)' ') return Fail(out error, RejectionReason.InvalidStartLine);
        if (uri.ContainsAny(SipSyntax.Whitespace) || uri[0] == (byte)'<')
            return Fail(out error, RejectionReason.InvalidRequestUri);
        startLine.UriRange = TextRange.FromBounds(firstSpace + 1, lastSpace);
        if (!IsSipVersion(version)) return Fail(out error, RejectionReason.UnsupportedVersion);
        return true;
    }

    private static bool ParseStatusLine(ReadOnlySpan<byte> line, ref StartLine startLine, out SipParseError error)
    {
        // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase; an empty reason phrase is legal (RFC 4475 §3.1.1.13).
        error = SipParseError.None;
        int space = line.IndexOf((byte)' ');
        if (space < 0) return Fail(out error, RejectionReason.InvalidStartLine);
        var version = line[..space];
        if (!IsSipVersionShape(version)) return Fail(out error, RejectionReason.InvalidStartLine);
        if (!IsSipVersion(version)) return Fail(out error, RejectionReason.UnsupportedVersion);
        var rest = line[(space + 1)..];
        int codeEnd = rest.IndexOf((byte)' ');
        var code = codeEnd < 0 ? rest : rest[..codeEnd];
        if (code.Length != 3 || !SipSyntax.TryParseUInt(code, 699, out ulong status) || status < 100)
            return Fail(out error, RejectionReason.InvalidStatusCode);
        startLine.IsRequest = false;
        startLine.StatusCode = (int)status;
        int reasonStart = codeEnd < 0 ? line.Length : space + 1 + codeEnd + 1;
        startLine.ReasonRange = TextRange.FromBounds(reasonStart, line.Length);
        return true;
    }

    /// <summary>"SIP/" 1*DIGIT "." 1*DIGIT — a version we can name in a 505 (RFC 3261 §8.2.2.1... §21.5.7).</summary>
    private static bool IsSipVersionShape(ReadOnlySpan<byte> version)
    {
        if (version.Length < 7 || !System.Text.Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8)) return false;
        var number = version[4..];
        int dot = number.IndexOf((byte)'.');
        return dot > 0 && dot < number.Length - 1 &&
               !number[..dot].ContainsAnyExcept(SipSyntax.Digits) && !number[(dot + 1)..].ContainsAnyExcept(SipSyntax.Digits);
    }

    private static bool IsSipVersion(ReadOnlySpan<byte> version) => System.Text.Ascii.EqualsIgnoreCase(version, "SIP/2.0"u8);
}
