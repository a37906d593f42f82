using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// HA1 of HTTP/SIP digest authentication (RFC 7616 §3.4.2, RFC 8760): H(username ":" realm ":" password)
/// as lower-case hex. Storing HA1 instead of the password means a leaked store does not reveal the
/// password, and each hash only works for its own realm.
/// </summary>
public static class DigestHa1
{
    public const string Md5 = "MD5";
    public const string Sha256 = "SHA-256";

    public static DigestHa1Pair ComputeAll(string user, string realm, string password)
    {
        var input = Encoding.UTF8.GetBytes($"{user}:{realm}:{password}");
        try
        {
            return new DigestHa1Pair(HashHex(Md5, input), HashHex(Sha256, input));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    public static string Compute(string algorithm, string user, string realm, string password)
    {
        var input = Encoding.UTF8.GetBytes($"{user}:{realm}:{password}");
        try
        {
            return HashHex(algorithm, input);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>Normalizes an algorithm token from a challenge; null when not one this server stores.</summary>
    public static string? Normalize(string? algorithm) => algorithm switch
    {
        _ when string.Equals(algorithm, Md5, StringComparison.OrdinalIgnoreCase) => Md5,
        _ when string.Equals(algorithm, Sha256, StringComparison.OrdinalIgnoreCase) => Sha256,
        _ => null,
    };

    private static string HashHex(string algorithm, byte[] input) => Normalize(algorithm) switch
    {
        // MD5 is what RFC 3261 digest and most deployed phones speak; SHA-256 is offered beside it.
#pragma warning disable CA5351
        Md5 => Convert.ToHexStringLower(MD5.HashData(input)),
#pragma warning restore CA5351
        Sha256 => Convert.ToHexStringLower(SHA256.HashData(input)),
        _ => throw new ArgumentException($"Digest algorithm '{algorithm}' is not supported; use {Md5} or {Sha256}.", nameof(algorithm)),
    };
}
