using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>
/// Reads WWW-Authenticate / Proxy-Authenticate values into <see cref="ClientDigestChallenge"/>s. One header line
/// normally holds one challenge, but some servers comma-join several ("Digest …, Digest …"), so a value is read as
/// a list: a token not followed by '=' starts the next challenge. Other schemes (Basic, Bearer, …) are skipped.
/// Never throws; a malformed challenge is skipped, and the number read from one message is bounded.
/// </summary>
public static class ClientDigestChallengeParser
{
    /// <summary>At most this many challenges are read from one response (bounded work for a hostile server).</summary>
    public const int MaxChallenges = 16;

    /// <summary>Every Digest challenge of a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate) response, in order.</summary>
    public static IReadOnlyList<ClientDigestChallenge> FromResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var challenges = new List<ClientDigestChallenge>(2);
        foreach (var (id, isProxy) in new[] { (HeaderId.WwwAuthenticate, false), (HeaderId.ProxyAuthenticate, true) })
        {
            foreach (var value in response.GetValues(id))
            {
                Parse(value.Span, isProxy, challenges);
                if (challenges.Count >= MaxChallenges) return challenges;
            }
        }
        return challenges;
    }

    /// <summary>Appends the Digest challenges found in one header value to <paramref name="into"/>.</summary>
    public static void Parse(ReadOnlySpan<byte> value, bool isProxy, List<ClientDigestChallenge> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        int pos = 0;
        var current = new Builder();
        bool inDigest = false;
        bool malformed = false;
        while (into.Count < MaxChallenges)
        {
            pos = SkipWhitespaceAndCommas(value, pos);
            if (pos >= value.Length) break;
            int nameStart = pos;
            while (pos < value.Length && IsTokenByte(value[pos])) pos++;
            var name = value[nameStart..pos];
            if (name.IsEmpty)
            {
                // Garbage where a token belongs: nothing after it can be trusted.
                malformed = true;
                break;
            }
            int afterName = SkipWhitespace(value, pos);
            if (afterName < value.Length && value[afterName] == (byte)'=')
            {
                pos = SkipWhitespace(value, afterName + 1);
                if (!TryReadValue(value, ref pos, out string paramValue))
                {
                    malformed = true;
                    break;
                }
                if (inDigest) current.Set(name, paramValue);
                continue;
            }
            // A scheme: the previous challenge (if Digest) is complete.
            if (inDigest) current.AddTo(into, isProxy);
            current = new Builder();
            inDigest = Ascii.EqualsIgnoreCase(name, "Digest"u8);
            pos = afterName;
        }
        if (inDigest && !malformed && into.Count < MaxChallenges) current.AddTo(into, isProxy);
    }

    private struct Builder
    {
        private string? _realm, _nonce, _opaque, _algorithm, _qop, _stale;

        public void Set(ReadOnlySpan<byte> name, string value)
        {
            // The first occurrence wins; a repeated parameter does not replace what was read.
            if (Ascii.EqualsIgnoreCase(name, "realm"u8)) _realm ??= value;
            else if (Ascii.EqualsIgnoreCase(name, "nonce"u8)) _nonce ??= value;
            else if (Ascii.EqualsIgnoreCase(name, "opaque"u8)) _opaque ??= value;
            else if (Ascii.EqualsIgnoreCase(name, "algorithm"u8)) _algorithm ??= value;
            else if (Ascii.EqualsIgnoreCase(name, "qop"u8)) _qop ??= value;
            else if (Ascii.EqualsIgnoreCase(name, "stale"u8)) _stale ??= value;
        }

        public readonly void AddTo(List<ClientDigestChallenge> into, bool isProxy)
        {
            // RFC 7616 §3.3: realm and nonce are required; without them there is nothing to answer.
            if (_realm is null || _nonce is null) return;
            string algorithmName = string.IsNullOrEmpty(_algorithm) ? "MD5" : _algorithm;
            DigestAlgorithm? algorithm = DigestAlgorithms.TryParse(Encoding.ASCII.GetBytes(algorithmName), out var a) ? a : null;
            bool auth = false, authInt = false;
            if (_qop is not null)
            {
                foreach (var option in _qop.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (option.Equals("auth", StringComparison.OrdinalIgnoreCase)) auth = true;
                    else if (option.Equals("auth-int", StringComparison.OrdinalIgnoreCase)) authInt = true;
                }
            }
            into.Add(new ClientDigestChallenge(isProxy, _realm, _nonce, _opaque, algorithmName, algorithm,
                _qop is not null, auth, authInt, string.Equals(_stale, "true", StringComparison.OrdinalIgnoreCase)));
        }
    }

    private static bool TryReadValue(ReadOnlySpan<byte> value, ref int pos, out string result)
    {
        result = "";
        if (pos >= value.Length) return false;
        if (value[pos] != (byte)'"')
        {
            int start = pos;
            while (pos < value.Length && value[pos] > 0x20 && value[pos] != 0x7F && value[pos] != (byte)',' && value[pos] != (byte)'"') pos++;
            if (pos == start) return false;
            result = Encoding.UTF8.GetString(value[start..pos]);
            return true;
        }
        var text = new StringBuilder();
        int runStart = ++pos;
        while (pos < value.Length)
        {
            byte b = value[pos];
            if (b == (byte)'"')
            {
                text.Append(Encoding.UTF8.GetString(value[runStart..pos]));
                result = text.ToString();
                pos++;
                return true;
            }
            if (b == (byte)'\\')
            {
                // quoted-pair (RFC 3261 §25.1): the next byte stands for itself, but never CR or LF.
                if (pos + 1 >= value.Length || value[pos + 1] is (byte)'\r' or (byte)'\n') return false;
                text.Append(Encoding.UTF8.GetString(value[runStart..pos]));
                runStart = pos + 1;
                pos += 2;
                continue;
            }
            // A CR or LF (a fold) inside a realm or nonce could only be abuse: it would end our header when echoed.
            if (b < 0x20 && b != (byte)'\t' || b == 0x7F) return false;
            pos++;
        }
        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> value, int pos)
    {
        while (pos < value.Length && value[pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') pos++;
        return pos;
    }

    private static int SkipWhitespaceAndCommas(ReadOnlySpan<byte> value, int pos)
    {
        while (pos < value.Length && value[pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',') pos++;
        return pos;
    }

    private static bool IsTokenByte(byte b) => SipSyntax.IsTokenByte(b);
}
