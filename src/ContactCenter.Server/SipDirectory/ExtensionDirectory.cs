using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// The extensions of all profiles and their digest HA1s. Immutable once built, so lookups from any
/// number of receive loops need no locking.
/// </summary>
public sealed class ExtensionDirectory
{
    private readonly FrozenDictionary<string, Entry> _byNumber;

    public ExtensionDirectory(SipProfileCatalog catalog, IEnumerable<KeyValuePair<ExtensionInfo, DigestHa1Pair>> extensions)
    {
        Catalog = catalog;
        _byNumber = extensions.ToFrozenDictionary(
            pair => pair.Key.Number,
            pair => new Entry(pair.Key, pair.Value),
            StringComparer.Ordinal);
        Extensions = _byNumber.Values.Select(entry => entry.Info).OrderBy(info => info.Number, StringComparer.Ordinal).ToArray();
    }

    public SipProfileCatalog Catalog { get; }

    public IReadOnlyList<SipProfile> Profiles => Catalog.Profiles;

    public IReadOnlyList<ExtensionInfo> Extensions { get; }

    public int Count => _byNumber.Count;

    public bool TryGetExtension(string number, [MaybeNullWhen(false)] out ExtensionInfo info)
    {
        if (_byNumber.TryGetValue(number, out var entry))
        {
            info = entry.Info;
            return true;
        }

        info = null;
        return false;
    }

    /// <summary>
    /// The HA1 = H(user:realm:password) for <paramref name="algorithm"/> (<c>MD5</c> or <c>SHA-256</c>,
    /// case-insensitive). False when the user is unknown, the realm is not the extension's profile realm,
    /// or the algorithm is not offered. For <c>-sess</c> variants the caller derives the session HA1 from this.
    /// </summary>
    public bool TryGetHa1(string user, string realm, string algorithm, [MaybeNullWhen(false)] out string ha1Hex)
    {
        if (_byNumber.TryGetValue(user, out var entry)
            && string.Equals(entry.Info.Realm, realm, StringComparison.Ordinal)
            && entry.Hashes.ForAlgorithm(algorithm) is { } hash)
        {
            ha1Hex = hash;
            return true;
        }

        ha1Hex = null;
        return false;
    }

    private sealed record Entry(ExtensionInfo Info, DigestHa1Pair Hashes);
}
