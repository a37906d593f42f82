using System.Collections.Concurrent;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// A thread-safe <see cref="ISipCredentialStore"/> in memory: passwords are turned into HA1 values for
/// every algorithm as they are added and not kept.
/// </summary>
public sealed class InMemorySipCredentialStore : ISipCredentialStore
{
    private readonly ConcurrentDictionary<(string User, string Realm, DigestAlgorithm Algorithm), string> _ha1 = new();

    /// <summary>Adds or replaces the credentials of <paramref name="user"/> in <paramref name="realm"/>.</summary>
    public void Set(string user, string realm, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        foreach (DigestAlgorithm algorithm in Enum.GetValues<DigestAlgorithm>())
        {
            _ha1[(user, realm, algorithm)] = DigestHash.ComputeHa1(algorithm, user, realm, password);
        }
    }

    /// <summary>Adds or replaces one precomputed HA1 (hex), e.g. loaded from a profile that stores no password.</summary>
    public void SetHa1(string user, string realm, DigestAlgorithm algorithm, string ha1Hex)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(ha1Hex);
        if (ha1Hex.Length != 2 * DigestAlgorithms.GetHashSize(algorithm) || !ha1Hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"An {DigestAlgorithms.GetName(algorithm)} HA1 is {2 * DigestAlgorithms.GetHashSize(algorithm)} hex digits.", nameof(ha1Hex));
        }

        _ha1[(user, realm, algorithm)] = ha1Hex.ToLowerInvariant();
    }

    /// <summary>Removes every credential of <paramref name="user"/> in <paramref name="realm"/>.</summary>
    public void Remove(string user, string realm)
    {
        foreach (DigestAlgorithm algorithm in Enum.GetValues<DigestAlgorithm>())
        {
            _ha1.TryRemove((user, realm, algorithm), out _);
        }
    }

    /// <inheritdoc />
    public bool TryGetHa1(string user, string realm, DigestAlgorithm algorithm, out string ha1Hex) =>
        _ha1.TryGetValue((user, realm, algorithm), out ha1Hex!);
}
