namespace ContactCenter.Sip.Messages;

/// <summary>A slice of a message's bytes by offset; messages are capped at 64 KiB so 16 bits suffice.</summary>
public readonly record struct TextRange(ushort Start, ushort Length)
{
    public static readonly TextRange Empty = default;

    public bool IsEmpty => Length == 0;

    public int End => Start + Length;

    public static TextRange FromBounds(int start, int end) => new((ushort)start, (ushort)(end - start));

    public ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data) => data.Slice(Start, Length);

    public ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> data) => data.Slice(Start, Length);
}
