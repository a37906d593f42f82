namespace ContactCenter.Media.Sdp;

/// <summary>
/// The outcome of <see cref="SdpNegotiator.AnswerOffer(SessionDescription, SdpDirection)"/> or
/// <see cref="SdpNegotiator.ProcessAnswer(SessionDescription)"/>: the agreed media (and, for an offer, our answer),
/// or an error with a message. On error the negotiator's state is as before the call.
/// </summary>
public sealed class SdpNegotiationResult
{
    private SdpNegotiationResult(
        SdpNegotiationError error, string? message, NegotiatedMedia? media, SessionDescription? answer, SdpParseError parseError)
    {
        Error = error;
        Message = message;
        Media = media;
        Answer = answer;
        ParseError = parseError;
    }

    /// <summary><see cref="SdpNegotiationError.None"/> on success.</summary>
    public SdpNegotiationError Error { get; }

    /// <summary>What was wrong, for logs; null on success.</summary>
    public string? Message { get; }

    /// <summary>The agreed audio stream, on success.</summary>
    public NegotiatedMedia? Media { get; }

    /// <summary>Our answer to send, on success of <see cref="SdpNegotiator.AnswerOffer(SessionDescription, SdpDirection)"/>; null otherwise.</summary>
    public SessionDescription? Answer { get; }

    /// <summary>With <see cref="SdpNegotiationError.MalformedDescription"/>: the parser's reason.</summary>
    public SdpParseError ParseError { get; }

    /// <summary>Whether negotiation succeeded.</summary>
    public bool IsSuccess => Error == SdpNegotiationError.None;

    internal static SdpNegotiationResult Success(NegotiatedMedia media, SessionDescription? answer) =>
        new(SdpNegotiationError.None, null, media, answer, SdpParseError.None);

    internal static SdpNegotiationResult Failure(SdpNegotiationError error, string message) =>
        new(error, message, null, null, SdpParseError.None);

    internal static SdpNegotiationResult Malformed(SdpParseResult parse) =>
        new(SdpNegotiationError.MalformedDescription, parse.ToString(), null, null, parse.Error);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"agreed {Media!.Codec.Name}/{Media.Codec.PayloadType} {Media.Direction}" : $"{Error}: {Message}";
}
