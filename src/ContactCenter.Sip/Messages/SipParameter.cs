namespace ContactCenter.Sip.Messages;

/// <summary>One <c>;name[=value]</c> parameter; <see cref="Value"/> is empty for a flag and keeps the quotes of a quoted value.</summary>
public readonly ref struct SipParameter(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool hasValue)
{
    public ReadOnlySpan<byte> Name { get; } = name;
    public ReadOnlySpan<byte> Value { get; } = value;
    public bool HasValue { get; } = hasValue;
}
