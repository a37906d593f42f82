using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Acd;

/// <summary>The outcome of a command: done, or refused with an <see cref="AcdError"/> and nothing changed.</summary>
public readonly record struct AcdResult(AcdError? Error)
{
    public static AcdResult Ok { get; } = new(null);

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator AcdResult(AcdError error) => new(error);
}
