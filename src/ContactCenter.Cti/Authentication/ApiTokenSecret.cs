using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Cti.Authentication;

/// <summary>
/// Bearer tokens: <c>cc_</c> + 256 random bits in base64url. Only the SHA-256 of the whole string is stored. A slow
/// password hash is not needed: the token has 256 bits of entropy, so the hash cannot be reversed by guessing.
/// </summary>
public static class ApiTokenSecret
{
    /// <summary>Every token starts with this, so secret scanners and humans recognise one.</summary>
    public const string Prefix = "cc_";

    /// <summary>Characters of a token kept in clear to tell tokens apart in listings (prefix included).</summary>
    public const int DisplayPrefixLength = 10;

    /// <summary>Longest string considered as a token; anything longer is rejected before hashing.</summary>
    public const int MaxLength = 128;

    /// <summary>A new random token.</summary>
    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form: lowercase hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new id for a token, subscription or similar: <paramref name="prefix"/> + 96 random bits.</summary>
    public static string NewId(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(12));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
