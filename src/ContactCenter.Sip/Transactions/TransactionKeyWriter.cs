using System.Buffers;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// Builds a transaction table key as chars in a caller's stack buffer (or a pooled one when the message is large), so
/// matching a retransmission or a response allocates nothing; a string is made only when a transaction is created.
/// Bytes are widened one to one, and fields are separated by a char no byte widens to, so distinct field lists can
/// never produce the same key.
/// </summary>
internal ref struct TransactionKeyWriter
{
    private const char Separator = '\u0100';

    private Span<char> _buffer;
    private char[]? _rented;
    private int _length;

    public TransactionKeyWriter(Span<char> stackBuffer, int capacity)
    {
        if (capacity <= stackBuffer.Length) _buffer = stackBuffer;
        else _buffer = _rented = ArrayPool<char>.Shared.Rent(capacity);
    }

    public readonly ReadOnlySpan<char> Written => _buffer[.._length];

    public void Kind(char kind) => _buffer[_length++] = kind;

    /// <summary>A field compared exactly (Call-ID, Request-URI, method, Via).</summary>
    public void Field(ReadOnlySpan<byte> bytes)
    {
        _buffer[_length++] = Separator;
        var target = _buffer.Slice(_length, bytes.Length);
        for (int i = 0; i < bytes.Length; i++) target[i] = (char)bytes[i];
        _length += bytes.Length;
    }

    /// <summary>A field compared case-insensitively (branch, tags, host: tokens, RFC 3261 §7.3.1).</summary>
    public void LowerField(ReadOnlySpan<byte> bytes)
    {
        _buffer[_length++] = Separator;
        var target = _buffer.Slice(_length, bytes.Length);
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            target[i] = (char)((uint)(b - 'A') <= 'Z' - 'A' ? b | 0x20 : b);
        }
        _length += bytes.Length;
    }

    public void Number(uint value)
    {
        _buffer[_length++] = Separator;
        value.TryFormat(_buffer[_length..], out int written);
        _length += written;
    }

    public override readonly string ToString() => new(Written);

    public void Dispose()
    {
        if (_rented != null) ArrayPool<char>.Shared.Return(_rented);
        _rented = null;
        _buffer = default;
    }
}
