using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// One WWW-Authenticate / Proxy-Authenticate value (RFC 7616 §3.3, RFC 3261 §25):
/// <c>Digest realm="…", nonce="…", opaque="…", algorithm=SHA-256, qop="auth", stale=true</c>
/// (opaque and stale only when set). Send one header per challenge, never comma-joined (RFC 3261 §7.3.1).
/// </summary>
public readonly struct DigestChallenge : IEquatable<DigestChallenge>
{
    /// <exception cref="ArgumentException">A value holds a control character (which would let it end the header).</exception>
    public DigestChallenge(string realm, string nonce, DigestAlgorithm algorithm, bool stale = false, string? opaque = null)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(nonce);
        RejectControlCharacters(realm, nameof(realm));
        RejectControlCharacters(nonce, nameof(nonce));
        if (opaque is not null)
        {
            RejectControlCharacters(opaque, nameof(opaque));
        }

        _ = DigestAlgorithms.GetName(algorithm);
        Realm = realm;
        Nonce = nonce;
        Algorithm = algorithm;
        Stale = stale;
        Opaque = opaque;
    }

    /// <summary>The protection space, usually the domain.</summary>
    public string Realm { get; }

    /// <summary>The server nonce.</summary>
    public string Nonce { get; }

    /// <summary>The hash algorithm this challenge asks for.</summary>
    public DigestAlgorithm Algorithm { get; }

    /// <summary>Whether stale=true is sent: the client may retry at once with the same password.</summary>
    public bool Stale { get; }

    /// <summary>Opaque data the client returns unchanged, or null for none.</summary>
    public string? Opaque { get; }

    /// <summary>An upper bound of the UTF-8 length of the value, for sizing a buffer.</summary>
    public int GetMaxByteCount() =>
        64 + (2 * (Encoding.UTF8.GetMaxByteCount(Realm.Length) + Encoding.UTF8.GetMaxByteCount(Nonce.Length)
            + Encoding.UTF8.GetMaxByteCount(Opaque?.Length ?? 0)));

    /// <summary>Writes the value as UTF-8; false (and nothing meaningful written) when it does not fit.</summary>
    public bool TryFormat(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        var writer = new Writer(destination);
        writer.Append("Digest realm=\""u8);
        writer.AppendQuotedContent(Realm);
        writer.Append("\", nonce=\""u8);
        writer.AppendQuotedContent(Nonce);
        if (Opaque is not null)
        {
            writer.Append("\", opaque=\""u8);
            writer.AppendQuotedContent(Opaque);
        }

        writer.Append("\", algorithm="u8);
        writer.Append(Algorithm == DigestAlgorithm.Sha256 ? "SHA-256"u8 : "MD5"u8);
        writer.Append(", qop=\"auth\""u8);
        if (Stale)
        {
            writer.Append(", stale=true"u8);
        }

        if (writer.Overflowed)
        {
            return false;
        }

        bytesWritten = writer.Position;
        return true;
    }

    /// <summary>The header value, e.g. <c>Digest realm="example.com", nonce="…", algorithm=MD5, qop="auth"</c>.</summary>
    public override string ToString()
    {
        byte[] buffer = new byte[GetMaxByteCount()];
        TryFormat(buffer, out int written);
        return Encoding.UTF8.GetString(buffer, 0, written);
    }

    /// <inheritdoc />
    public bool Equals(DigestChallenge other) =>
        Realm == other.Realm && Nonce == other.Nonce && Algorithm == other.Algorithm && Stale == other.Stale && Opaque == other.Opaque;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DigestChallenge other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Realm, Nonce, Algorithm, Stale, Opaque);

    /// <summary>Value equality.</summary>
    public static bool operator ==(DigestChallenge left, DigestChallenge right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(DigestChallenge left, DigestChallenge right) => !left.Equals(right);

    private static void RejectControlCharacters(string value, string parameterName)
    {
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException("Digest challenge values cannot contain control characters.", parameterName);
            }
        }
    }

    private ref struct Writer(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Position { get; private set; }

        public bool Overflowed { get; private set; }

        public void Append(scoped ReadOnlySpan<byte> bytes)
        {
            if (Overflowed || bytes.Length > _destination.Length - Position)
            {
                Overflowed = true;
                return;
            }

            bytes.CopyTo(_destination[Position..]);
            Position += bytes.Length;
        }

        // Inside a quoted-string only '"' and '\' need a backslash (RFC 3261 §25.1 quoted-pair).
        public void AppendQuotedContent(string value)
        {
            Span<byte> utf8 = stackalloc byte[4];
            foreach (Rune rune in value.EnumerateRunes())
            {
                if (rune.Value is '"' or '\\')
                {
                    Append("\\"u8);
                }

                int length = rune.EncodeToUtf8(utf8);
                Append(utf8[..length]);
            }
        }
    }
}
