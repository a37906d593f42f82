using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>Wire names and sizes of <see cref="DigestAlgorithm"/> values.</summary>
public static class DigestAlgorithms
{
    /// <summary>The algorithm token as written in a challenge: "MD5" or "SHA-256".</summary>
    public static string GetName(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Sha256 => "SHA-256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown digest algorithm."),
    };

    /// <summary>The hash output size in bytes (the hex form is twice as long).</summary>
    public static int GetHashSize(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => 16,
        DigestAlgorithm.Sha256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown digest algorithm."),
    };

    /// <summary>
    /// Reads an algorithm token case-insensitively ("md5", "SHA-256"). An absent value (empty span)
    /// means MD5, as RFC 7616 §3.3 says. Anything else (MD5-sess, SHA-512-256, garbage) fails.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> name, out DigestAlgorithm algorithm)
    {
        if (name.IsEmpty || Ascii.EqualsIgnoreCase(name, "MD5"u8))
        {
            algorithm = DigestAlgorithm.Md5;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(name, "SHA-256"u8))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }

        algorithm = default;
        return false;
    }
}
