using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

public sealed partial class DigestAuthenticator
{
    private DigestAuthenticationResult Verify(
        scoped in DigestCredentials credentials,
        ReadOnlySpan<byte> method,
        ReadOnlySpan<byte> requestUri,
        string realm,
        ReadOnlySpan<byte> realmUtf8,
        IPAddress source)
    {
        if (credentials.UserHash)
        {
            return Fail(source, DigestRejectReason.UserhashNotSupported, credentials.Username.ToString());
        }

        if (!DigestAlgorithms.TryParse(credentials.Algorithm.Raw, out DigestAlgorithm algorithm) || Array.IndexOf(_algorithms, algorithm) < 0)
        {
            return Fail(source, DigestRejectReason.UnsupportedAlgorithm, credentials.Username.ToString());
        }

        bool hasQop = credentials.Qop.IsPresent;
        if (hasQop && !Ascii.EqualsIgnoreCase(credentials.Qop.Raw, "auth"u8))
        {
            return Fail(source, DigestRejectReason.UnsupportedQop, credentials.Username.ToString());
        }

        if (!hasQop && !_allowMissingQop)
        {
            return Fail(source, DigestRejectReason.QopRequired, credentials.Username.ToString());
        }

        if (_requireUriMatch && !credentials.Uri.ValueEquals(requestUri))
        {
            return Fail(source, DigestRejectReason.UriMismatch, credentials.Username.ToString());
        }

        if (_opaqueUtf8 is not null && credentials.Opaque.IsPresent && !credentials.Opaque.ValueEquals(_opaqueUtf8))
        {
            return Fail(source, DigestRejectReason.OpaqueMismatch, credentials.Username.ToString());
        }

        // Our nonces never need escapes, but a client may escape any character; longer ones cannot be ours.
        Span<byte> nonceBuffer = stackalloc byte[2 * NonceService.NonceLength];
        scoped ReadOnlySpan<byte> nonce;
        if (!credentials.Nonce.IsEscaped)
        {
            nonce = credentials.Nonce.Raw;
        }
        else if (credentials.Nonce.Raw.Length > nonceBuffer.Length)
        {
            return DigestAuthenticationResult.Challenge(stale: false);
        }
        else
        {
            nonce = nonceBuffer[..credentials.Nonce.CopyValueTo(nonceBuffer)];
        }

        NonceStatus nonceStatus = _nonces.Validate(nonce, realmUtf8, out NonceKey nonceKey);
        if (nonceStatus == NonceStatus.Invalid)
        {
            // Forged, or from before a restart: a fresh challenge costs the attacker nothing new.
            return DigestAuthenticationResult.Challenge(stale: false);
        }

        string username = credentials.Username.ToString();
        Span<byte> ha1 = stackalloc byte[64];
        int ha1Length = 2 * DigestAlgorithms.GetHashSize(algorithm);
        bool knownUser = _credentials.TryGetHa1(username, realm, algorithm, out string? storedHa1)
            && TryCopyHa1(storedHa1, ha1[..ha1Length], username, algorithm);
        if (!knownUser)
        {
            // Same work as for a real user, so timing does not reveal which usernames exist.
            (algorithm == DigestAlgorithm.Md5 ? _decoyMd5Ha1 : _decoySha256Ha1).CopyTo(ha1);
        }

        bool responseMatches = ResponseMatches(credentials, algorithm, ha1[..ha1Length], nonce, method, hasQop);
        if (!knownUser)
        {
            return Fail(source, DigestRejectReason.UnknownUser, username);
        }

        if (!responseMatches)
        {
            return Fail(source, DigestRejectReason.WrongPassword, username);
        }

        // RFC 7616 §3.3: stale=true only when the digest was right, so the client retries without asking anyone.
        if (nonceStatus == NonceStatus.Stale)
        {
            return DigestAuthenticationResult.Challenge(stale: true);
        }

        if (hasQop)
        {
            switch (_nonceCounts.TryAdvance(nonceKey, credentials.NonceCount))
            {
                case NonceCountResult.Replayed:
                    return Fail(source, DigestRejectReason.NonceCountReplay, username);
                case NonceCountResult.Forgotten:
                    return DigestAuthenticationResult.Challenge(stale: true);
            }
        }

        _limiter?.RecordSuccess(source);
        return DigestAuthenticationResult.Authenticated(username);
    }

    private static bool ResponseMatches(
        scoped in DigestCredentials credentials,
        DigestAlgorithm algorithm,
        ReadOnlySpan<byte> ha1,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> method,
        bool hasQop)
    {
        ReadOnlySpan<byte> cnonce = default, nonceCount = default, qop = default;
        if (hasQop)
        {
            // The parser guarantees nc is eight unescaped hex digits and qop was compared unescaped.
            cnonce = credentials.Cnonce.IsEscaped ? Unescape(credentials.Cnonce) : credentials.Cnonce.Raw;
            nonceCount = credentials.NonceCountText.Raw;
            qop = credentials.Qop.Raw;
        }

        // The client signed its uri parameter; when the Request-URI must match, the two are equal anyway.
        ReadOnlySpan<byte> uri = credentials.Uri.IsEscaped ? Unescape(credentials.Uri) : credentials.Uri.Raw;
        Span<byte> expected = stackalloc byte[32];
        int size = DigestHash.ComputeResponse(algorithm, ha1, nonce, nonceCount, cnonce, qop, method, uri, expected);

        Span<byte> given = stackalloc byte[32];
        given.Clear();
        bool decoded = !credentials.Response.IsEscaped
            && DigestHash.TryDecodeHex(credentials.Response.Raw, given, out int givenSize)
            && givenSize == size;
        return CryptographicOperations.FixedTimeEquals(expected[..size], given[..size]) & decoded;
    }

    private static byte[] Unescape(DigestParam param)
    {
        byte[] buffer = new byte[param.Raw.Length];
        return buffer[..param.CopyValueTo(buffer)];
    }

    private bool TryCopyHa1(string stored, Span<byte> destination, string username, DigestAlgorithm algorithm)
    {
        if (stored is not null && stored.Length == destination.Length)
        {
            int i = 0;
            for (; i < stored.Length; i++)
            {
                char c = stored[i];
                if (!char.IsAsciiHexDigit(c))
                {
                    break;
                }

                // RFC 7616 hashes the lower-case hex of HA1; a store may hold either case.
                destination[i] = (byte)(c | 0x20);
            }

            if (i == stored.Length)
            {
                return true;
            }
        }

        if (_log is not null && Interlocked.Exchange(ref _malformedHa1Logged, 1) == 0)
        {
            _log($"SIP digest authentication: the credential store returned a malformed {DigestAlgorithms.GetName(algorithm)} HA1 "
                + $"for user '{ForLog(username)}'; treated as unknown (further occurrences are not logged).");
        }

        return false;
    }
}
