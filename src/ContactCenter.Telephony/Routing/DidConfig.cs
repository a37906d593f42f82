namespace ContactCenter.Telephony.Routing;

/// <summary>
/// A number the providers deliver to us and where it goes: exactly one of <see cref="Extension"/> and
/// <see cref="Service"/>. Write <see cref="Number"/> in E.164 (<c>+551140001234</c>); a number without
/// <c>+</c> is matched literally (for providers that deliver short codes).
/// </summary>
public sealed record DidConfig
{
    public required string Number { get; init; }

    public string? Extension { get; init; }

    public string? Service { get; init; }
}
