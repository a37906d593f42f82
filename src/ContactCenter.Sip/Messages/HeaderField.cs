namespace ContactCenter.Sip.Messages;

/// <summary>
/// One header line of a parsed message: where its name and (trimmed, unfolded) value sit in the message bytes.
/// Eight bytes, since a message holds an array of them: names are at most <see cref="SipLimits.MaxHeaderNameLength"/>.
/// </summary>
public readonly record struct HeaderField
{
    private readonly ushort _nameStart;
    private readonly ushort _valueStart;
    private readonly ushort _valueLength;
    private readonly byte _nameLength;

    public HeaderField(HeaderId id, TextRange name, TextRange value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, SipLimits.MaxHeaderNameLength, nameof(name));
        Id = id;
        _nameStart = name.Start;
        _nameLength = (byte)name.Length;
        _valueStart = value.Start;
        _valueLength = value.Length;
    }

    public HeaderId Id { get; }

    public TextRange Name => new(_nameStart, _nameLength);

    public TextRange Value => new(_valueStart, _valueLength);
}
