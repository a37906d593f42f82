using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Acd;

/// <summary>The outcome of a command that yields a value.</summary>
public readonly record struct AcdResult<T>(T? Value, AcdError? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Error is null;

    public static implicit operator AcdResult<T>(T value) => new(value, null);

    public static implicit operator AcdResult<T>(AcdError error) => new(default, error);
}
