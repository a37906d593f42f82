namespace ContactCenter.Sip.Messages;

/// <summary>
/// Why a message was refused. One enum for the whole stack; <see cref="SipParseError"/> maps it (with the header
/// concerned) to the status code and reason phrase to answer with.
/// </summary>
public enum RejectionReason : byte
{
    None = 0,
    MessageTooLarge,
    InvalidStartLine,
    InvalidRequestUri,
    UnsupportedUriScheme,
    UnsupportedVersion,
    InvalidStatusCode,
    InvalidHeaderLine,
    MissingHeader,
    MultipleSingleValueHeader,
    MalformedHeader,
    CSeqMethodMismatch,
    InvalidContentLength,
    ContentLengthExceedsMessage,
    MissingContentLength,
    TooManyHeaders,
}
