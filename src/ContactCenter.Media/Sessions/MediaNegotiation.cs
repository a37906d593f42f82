using System.Diagnostics.CodeAnalysis;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// The outcome of applying a remote offer or answer to a leg. On failure nothing changed on the leg and
/// <see cref="Error"/> says why; every error means "not acceptable" (SIP 488).
/// </summary>
public sealed class MediaNegotiation
{
    private MediaNegotiation(SdpNegotiationError error, string? message, NegotiatedMedia? media, SessionDescription? answer)
    {
        Error = error;
        Message = message;
        Media = media;
        Answer = answer;
    }

    /// <summary><see cref="SdpNegotiationError.None"/> on success.</summary>
    public SdpNegotiationError Error { get; }

    /// <summary>What was wrong, for logs; null on success.</summary>
    public string? Message { get; }

    /// <summary>The stream now applied to the leg, on success.</summary>
    public NegotiatedMedia? Media { get; }

    /// <summary>Our answer, when an offer was accepted (null after an answer was applied).</summary>
    public SessionDescription? Answer { get; }

    /// <summary>True when the description was accepted and applied.</summary>
    [MemberNotNullWhen(true, nameof(Media))]
    public bool IsSuccess => Error == SdpNegotiationError.None;

    /// <summary>The answer's bytes to put in the SIP body (throws when there is no answer).</summary>
    public byte[] AnswerBytes() => Answer?.ToBytes() ?? throw new InvalidOperationException("No answer: " + this);

    internal static MediaNegotiation From(SdpNegotiationResult result) =>
        new(result.Error, result.Message, result.Media, result.Answer);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"agreed {Media.Codec.Name}/{Media.Codec.PayloadType} {Media.Direction}" : $"{Error}: {Message}";
}
