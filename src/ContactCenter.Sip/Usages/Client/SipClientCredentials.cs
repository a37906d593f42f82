using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>
/// A user name with either a password or precomputed HA1 values (RFC 7616 §3.4.2), for answering challenges of one
/// realm or, when <see cref="Realm"/> is null, of any realm (password only: an HA1 is bound to its realm). It is
/// itself an <see cref="ITrunkCredentials"/> for the common one-account trunk.
/// </summary>
public sealed class SipClientCredentials : ITrunkCredentials
{
    private readonly string? _password;
    private readonly string? _md5Ha1;
    private readonly string? _sha256Ha1;

    private SipClientCredentials(string username, string? realm, string? password, string? md5Ha1, string? sha256Ha1)
    {
        Username = username;
        Realm = realm;
        _password = password;
        _md5Ha1 = md5Ha1;
        _sha256Ha1 = sha256Ha1;
    }

    public string Username { get; }

    /// <summary>The realm these credentials answer, or null for any realm.</summary>
    public string? Realm { get; }

    /// <param name="realm">Answer only this realm; null answers any (the usual trunk set-up, where the provider names the realm).</param>
    public static SipClientCredentials FromPassword(string username, string password, string? realm = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        RejectControlCharacters(username, nameof(username));
        if (realm is not null) RejectControlCharacters(realm, nameof(realm));
        return new SipClientCredentials(username, realm, password, null, null);
    }

    /// <summary>Credentials kept as HA1 hex only (no password), for one realm; at least one algorithm's HA1 is needed.</summary>
    public static SipClientCredentials FromHa1(string username, string realm, string? md5Ha1Hex, string? sha256Ha1Hex = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(realm);
        RejectControlCharacters(username, nameof(username));
        RejectControlCharacters(realm, nameof(realm));
        if (md5Ha1Hex is null && sha256Ha1Hex is null) throw new ArgumentException("At least one HA1 is needed.", nameof(md5Ha1Hex));
        return new SipClientCredentials(username, realm, null,
            ValidateHa1(md5Ha1Hex, DigestAlgorithm.Md5, nameof(md5Ha1Hex)), ValidateHa1(sha256Ha1Hex, DigestAlgorithm.Sha256, nameof(sha256Ha1Hex)));
    }

    /// <summary>Whether these credentials answer <paramref name="realm"/> (compared exactly, RFC 7616 §3.3).</summary>
    public bool Matches(string realm) => Realm is null || string.Equals(Realm, realm, StringComparison.Ordinal);

    /// <summary>The HA1 for <paramref name="realm"/> and <paramref name="algorithm"/>; false when it cannot be had.</summary>
    public bool TryGetHa1(string realm, DigestAlgorithm algorithm, out string ha1Hex)
    {
        ha1Hex = "";
        if (!Matches(realm)) return false;
        if (_password is not null)
        {
            ha1Hex = DigestHash.ComputeHa1(algorithm, Username, realm, _password);
            return true;
        }
        string? stored = algorithm == DigestAlgorithm.Sha256 ? _sha256Ha1 : _md5Ha1;
        if (stored is null) return false;
        ha1Hex = stored;
        return true;
    }

    /// <inheritdoc />
    public SipClientCredentials? Find(string realm) => Matches(realm) ? this : null;

    /// <summary>Never shows the secret.</summary>
    public override string ToString() => $"{Username}@{Realm ?? "*"}";

    private static void RejectControlCharacters(string value, string parameterName)
    {
        if (value.Any(char.IsControl)) throw new ArgumentException("Control characters cannot be sent in a Digest header.", parameterName);
    }

    private static string? ValidateHa1(string? hex, DigestAlgorithm algorithm, string parameterName)
    {
        if (hex is null) return null;
        int length = 2 * DigestAlgorithms.GetHashSize(algorithm);
        if (hex.Length != length || !hex.All(Uri.IsHexDigit))
            throw new ArgumentException($"An {DigestAlgorithms.GetName(algorithm)} HA1 is {length} hex digits.", parameterName);
        return hex.ToLowerInvariant();
    }
}
