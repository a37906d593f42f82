using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// One parameter value of a Digest header, as a slice of the received bytes: quotes removed,
/// backslash escapes still in place when <see cref="IsEscaped"/>. Nothing is copied until asked.
/// </summary>
public readonly ref struct DigestParam
{
    internal DigestParam(ReadOnlySpan<byte> raw, bool isEscaped)
    {
        Raw = raw;
        IsEscaped = isEscaped;
        IsPresent = true;
    }

    /// <summary>The bytes between the quotes (or the token), escapes not yet removed.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>Whether the parameter appeared in the header at all (an empty value is still present).</summary>
    public bool IsPresent { get; }

    /// <summary>Whether <see cref="Raw"/> holds backslash escapes that <see cref="CopyValueTo"/> removes.</summary>
    public bool IsEscaped { get; }

    /// <summary>Writes the value with escapes removed; returns the bytes written (never more than Raw.Length).</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the value.</exception>
    public int CopyValueTo(Span<byte> destination)
    {
        if (!IsEscaped)
        {
            Raw.CopyTo(destination);
            return Raw.Length;
        }

        int written = 0;
        for (int i = 0; i < Raw.Length; i++)
        {
            byte b = Raw[i];
            // The parser guarantees a backslash is never the last byte of an escaped value.
            if (b == (byte)'\\')
            {
                b = Raw[++i];
            }

            if (written >= destination.Length)
            {
                throw new ArgumentException("Destination too short for the parameter value.", nameof(destination));
            }

            destination[written++] = b;
        }

        return written;
    }

    /// <summary>Whether the unescaped value equals <paramref name="other"/> byte for byte.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> other)
    {
        if (!IsEscaped)
        {
            return Raw.SequenceEqual(other);
        }

        int j = 0;
        for (int i = 0; i < Raw.Length; i++, j++)
        {
            byte b = Raw[i];
            if (b == (byte)'\\')
            {
                b = Raw[++i];
            }

            if (j >= other.Length || other[j] != b)
            {
                return false;
            }
        }

        return j == other.Length;
    }

    /// <summary>The unescaped value decoded as UTF-8 (invalid sequences become U+FFFD); "" when absent.</summary>
    public override string ToString()
    {
        if (!IsEscaped)
        {
            return Encoding.UTF8.GetString(Raw);
        }

        byte[] buffer = new byte[Raw.Length];
        int length = CopyValueTo(buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
