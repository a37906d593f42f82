using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>A rejection with the header it concerns, mapped to the response a server sends for it.</summary>
public readonly record struct SipParseError(RejectionReason Reason, HeaderId Header = HeaderId.Other, string? HeaderName = null)
{
    public static readonly SipParseError None = default;

    public bool IsError => Reason != RejectionReason.None;

    public int StatusCode => Reason switch
    {
        RejectionReason.None => 0,
        RejectionReason.MessageTooLarge or RejectionReason.TooManyHeaders => 513,
        RejectionReason.UnsupportedUriScheme => 416,
        RejectionReason.UnsupportedVersion => 505,
        _ => 400,
    };

    private string Name => HeaderName ?? (Header != HeaderId.Other ? HeaderNames.CanonicalName(Header) : "Header");

    /// <summary>A reason phrase that says what was wrong, so the peer's log tells its operator (RFC 3261 §21.4.1).</summary>
    public string ReasonPhrase => Reason switch
    {
        RejectionReason.None => "OK",
        RejectionReason.MessageTooLarge => "Message Too Large",
        RejectionReason.InvalidStartLine => "Malformed Start Line",
        RejectionReason.InvalidRequestUri => "Malformed Request-URI",
        RejectionReason.UnsupportedUriScheme => "Unsupported URI Scheme",
        RejectionReason.UnsupportedVersion => "Version Not Supported",
        RejectionReason.InvalidStatusCode => "Malformed Status Code",
        RejectionReason.InvalidHeaderLine => "Malformed Header Line",
        RejectionReason.MissingHeader => $"Missing {Name} Header",
        RejectionReason.MultipleSingleValueHeader => $"Multiple {Name} Values",
        RejectionReason.MalformedHeader => $"Malformed {Name} Header",
        RejectionReason.CSeqMethodMismatch => "CSeq Method Does Not Match Request Method",
        RejectionReason.InvalidContentLength => "Malformed Content-Length Header",
        RejectionReason.ContentLengthExceedsMessage => "Content-Length Exceeds Message",
        RejectionReason.MissingContentLength => "Missing Content-Length Header",
        RejectionReason.TooManyHeaders => "Too Many Header Fields",
        _ => "Bad Request",
    };

    public override string ToString() => Reason == RejectionReason.None ? "none" : $"{StatusCode} {ReasonPhrase}";

    internal static SipParseError ForHeader(RejectionReason reason, HeaderId id, ReadOnlySpan<byte> rawName) =>
        new(reason, id, id == HeaderId.Other ? Encoding.ASCII.GetString(rawName) : null);
}
