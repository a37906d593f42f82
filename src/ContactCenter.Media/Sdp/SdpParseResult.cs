namespace ContactCenter.Media.Sdp;

/// <summary>The outcome of <see cref="SdpParser.Parse"/>: a description, or an error with the line it concerns.</summary>
public readonly struct SdpParseResult
{
    private SdpParseResult(SessionDescription? description, SdpParseError error, int lineNumber, string? message)
    {
        Description = description;
        Error = error;
        LineNumber = lineNumber;
        Message = message;
    }

    /// <summary>The description, when parsed.</summary>
    public SessionDescription? Description { get; }

    /// <summary><see cref="SdpParseError.None"/> when parsed.</summary>
    public SdpParseError Error { get; }

    /// <summary>The 1-based line the error concerns, 0 when it concerns the whole description.</summary>
    public int LineNumber { get; }

    /// <summary>What was wrong, for logs (it may quote a bounded piece of the input).</summary>
    public string? Message { get; }

    /// <summary>Whether a description was read.</summary>
    public bool IsSuccess => Error == SdpParseError.None && Description is not null;

    internal static SdpParseResult Success(SessionDescription description) => new(description, SdpParseError.None, 0, null);

    internal static SdpParseResult Failure(SdpParseError error, int lineNumber, string message) => new(null, error, lineNumber, message);

    /// <inheritdoc />
    public override string ToString() => IsSuccess
        ? "parsed"
        : LineNumber > 0 ? $"{Error} at line {LineNumber}: {Message}" : $"{Error}: {Message}";
}
