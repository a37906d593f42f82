namespace ContactCenter.Acd;

/// <summary>
/// Why a command was refused; the state is unchanged. <see cref="Code"/> is stable (clients switch on it), the message
/// is for people.
/// </summary>
public sealed record AcdError(string Code, string Message, AcdErrorKind Kind)
{
    public override string ToString() => $"{Code}: {Message}";
}
