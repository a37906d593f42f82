using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Reads the value of an Authorization or Proxy-Authorization header (the bytes after the colon)
/// as Digest credentials, without copying: RFC 3261 §25 (credentials, digest-response) and
/// RFC 7616 §3.4. Tolerant where phones differ (whitespace and folds around '=' and ',', quoted or
/// token values for any parameter, empty list elements, unknown parameters); strict where it
/// matters (a known parameter twice, a missing required one, a malformed nc). Never throws.
/// </summary>
public static class DigestCredentialsParser
{
    [Flags]
    private enum Seen
    {
        None = 0,
        Username = 1 << 0,
        Realm = 1 << 1,
        Nonce = 1 << 2,
        Uri = 1 << 3,
        Response = 1 << 4,
        Algorithm = 1 << 5,
        Cnonce = 1 << 6,
        Opaque = 1 << 7,
        Qop = 1 << 8,
        NonceCount = 1 << 9,
        UserHash = 1 << 10,
    }

    /// <summary>Parses <paramref name="value"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out DigestCredentials credentials, out DigestParseError error)
    {
        credentials = default;
        int pos = SkipWhitespace(value, 0);
        if (pos == value.Length)
        {
            error = DigestParseError.Empty;
            return false;
        }

        int schemeStart = pos;
        while (pos < value.Length && IsTokenByte(value[pos]))
        {
            pos++;
        }

        ReadOnlySpan<byte> scheme = value[schemeStart..pos];
        if (scheme.IsEmpty)
        {
            error = DigestParseError.Syntax;
            return false;
        }

        if (!Ascii.EqualsIgnoreCase(scheme, "Digest"u8))
        {
            error = DigestParseError.UnknownScheme;
            return false;
        }

        if (pos < value.Length && !IsWhitespace(value[pos]))
        {
            error = DigestParseError.Syntax;
            return false;
        }

        Seen seen = Seen.None;
        DigestParam username = default, realm = default, nonce = default, uri = default, response = default;
        DigestParam algorithm = default, cnonce = default, opaque = default, qop = default, nc = default;
        bool userHash = false;

        while (true)
        {
            pos = SkipWhitespace(value, pos);
            if (pos == value.Length)
            {
                break;
            }

            // Empty list elements ("a=1,,b=2") are allowed by the #rule of RFC 7230 §7.
            if (value[pos] == (byte)',')
            {
                pos++;
                continue;
            }

            int nameStart = pos;
            while (pos < value.Length && IsTokenByte(value[pos]))
            {
                pos++;
            }

            ReadOnlySpan<byte> name = value[nameStart..pos];
            pos = SkipWhitespace(value, pos);
            if (name.IsEmpty || pos == value.Length || value[pos] != (byte)'=')
            {
                error = DigestParseError.Syntax;
                return false;
            }

            pos = SkipWhitespace(value, pos + 1);
            if (!TryReadValue(value, ref pos, out DigestParam param))
            {
                error = DigestParseError.Syntax;
                return false;
            }

            pos = SkipWhitespace(value, pos);
            if (pos < value.Length && value[pos] != (byte)',')
            {
                error = DigestParseError.Syntax;
                return false;
            }

            Seen which = Identify(name);
            if (which == Seen.None)
            {
                continue;
            }

            if ((seen & which) != 0)
            {
                error = DigestParseError.DuplicateParameter;
                return false;
            }

            seen |= which;
            switch (which)
            {
                case Seen.Username: username = param; break;
                case Seen.Realm: realm = param; break;
                case Seen.Nonce: nonce = param; break;
                case Seen.Uri: uri = param; break;
                case Seen.Response: response = param; break;
                case Seen.Algorithm: algorithm = param; break;
                case Seen.Cnonce: cnonce = param; break;
                case Seen.Opaque: opaque = param; break;
                case Seen.Qop: qop = param; break;
                case Seen.NonceCount: nc = param; break;
                case Seen.UserHash: userHash = !param.IsEscaped && Ascii.EqualsIgnoreCase(param.Raw, "true"u8); break;
            }
        }

        uint nonceCount = 0;
        if (nc.IsPresent && !TryParseNonceCount(nc, out nonceCount))
        {
            error = DigestParseError.InvalidNonceCount;
            return false;
        }

        error = FirstMissing(seen);
        if (error != DigestParseError.None)
        {
            return false;
        }

        credentials = new DigestCredentials
        {
            Username = username,
            Realm = realm,
            Nonce = nonce,
            Uri = uri,
            Response = response,
            Algorithm = algorithm,
            Cnonce = cnonce,
            Opaque = opaque,
            Qop = qop,
            NonceCountText = nc,
            NonceCount = nonceCount,
            UserHash = userHash,
        };
        return true;
    }

    private static DigestParseError FirstMissing(Seen seen)
    {
        if ((seen & Seen.Username) == 0) return DigestParseError.MissingUsername;
        if ((seen & Seen.Realm) == 0) return DigestParseError.MissingRealm;
        if ((seen & Seen.Nonce) == 0) return DigestParseError.MissingNonce;
        if ((seen & Seen.Uri) == 0) return DigestParseError.MissingUri;
        if ((seen & Seen.Response) == 0) return DigestParseError.MissingResponse;
        if ((seen & Seen.Qop) != 0)
        {
            if ((seen & Seen.Cnonce) == 0) return DigestParseError.MissingCnonce;
            if ((seen & Seen.NonceCount) == 0) return DigestParseError.MissingNonceCount;
        }

        return DigestParseError.None;
    }

    private static Seen Identify(ReadOnlySpan<byte> name)
    {
        if (Ascii.EqualsIgnoreCase(name, "username"u8)) return Seen.Username;
        if (Ascii.EqualsIgnoreCase(name, "realm"u8)) return Seen.Realm;
        if (Ascii.EqualsIgnoreCase(name, "nonce"u8)) return Seen.Nonce;
        if (Ascii.EqualsIgnoreCase(name, "uri"u8)) return Seen.Uri;
        if (Ascii.EqualsIgnoreCase(name, "response"u8)) return Seen.Response;
        if (Ascii.EqualsIgnoreCase(name, "algorithm"u8)) return Seen.Algorithm;
        if (Ascii.EqualsIgnoreCase(name, "cnonce"u8)) return Seen.Cnonce;
        if (Ascii.EqualsIgnoreCase(name, "opaque"u8)) return Seen.Opaque;
        if (Ascii.EqualsIgnoreCase(name, "qop"u8)) return Seen.Qop;
        if (Ascii.EqualsIgnoreCase(name, "nc"u8)) return Seen.NonceCount;
        if (Ascii.EqualsIgnoreCase(name, "userhash"u8)) return Seen.UserHash;
        return Seen.None;
    }

    private static bool TryParseNonceCount(DigestParam nc, out uint count)
    {
        count = 0;
        ReadOnlySpan<byte> text = nc.Raw;
        if (nc.IsEscaped || text.Length != 8)
        {
            return false;
        }

        foreach (byte b in text)
        {
            int digit = HexDigitValue(b);
            if (digit < 0)
            {
                return false;
            }

            count = (count << 4) | (uint)digit;
        }

        return true;
    }

    private static bool TryReadValue(ReadOnlySpan<byte> value, scoped ref int pos, out DigestParam param)
    {
        param = default;
        if (pos == value.Length)
        {
            return false;
        }

        if (value[pos] != (byte)'"')
        {
            int start = pos;
            while (pos < value.Length && IsUnquotedValueByte(value[pos]))
            {
                pos++;
            }

            if (pos == start)
            {
                return false;
            }

            param = new DigestParam(value[start..pos], isEscaped: false);
            return true;
        }

        int contentStart = ++pos;
        bool escaped = false;
        while (pos < value.Length)
        {
            byte b = value[pos];
            if (b == (byte)'"')
            {
                param = new DigestParam(value[contentStart..pos], escaped);
                pos++;
                return true;
            }

            if (b == (byte)'\\')
            {
                // quoted-pair may not escape CR or LF (RFC 3261 §25.1).
                if (pos + 1 == value.Length || value[pos + 1] is (byte)'\r' or (byte)'\n')
                {
                    return false;
                }

                escaped = true;
                pos += 2;
                continue;
            }

            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')) || b == 0x7F)
            {
                return false;
            }

            pos++;
        }

        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> value, int pos)
    {
        // CR and LF can only be part of a fold here: the message framer already split header lines.
        while (pos < value.Length && IsWhitespace(value[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // RFC 3261 §25.1 token: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
    private static bool IsTokenByte(byte b) =>
        (uint)((b | 0x20) - 'a') <= 'z' - 'a'
        || (uint)(b - '0') <= 9
        || b is (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';

    // Wider than token on purpose: some phones send uri=sip:host or an unquoted base64 nonce.
    private static bool IsUnquotedValueByte(byte b) => b > 0x20 && b != 0x7F && b != (byte)'"' && b != (byte)',' && b != (byte)'\\';

    internal static int HexDigitValue(byte b)
    {
        if ((uint)(b - '0') <= 9) return b - '0';
        int lower = b | 0x20;
        if ((uint)(lower - 'a') <= 'f' - 'a') return lower - 'a' + 10;
        return -1;
    }
}
