namespace ContactCenter.Sip.Auth;

/// <summary>
/// Digest hash algorithms the registrar accepts (RFC 7616 §3.2, RFC 8760 §2).
/// On the wire they are named "MD5" and "SHA-256"; see <see cref="DigestAlgorithms"/>.
/// </summary>
/// <remarks>
/// SHA-512-256 (RFC 8760) is not offered: the .NET base library has no SHA-512/256 and no SIP phone
/// we know of requires it. The "-sess" variants are not offered either, so they are rejected as unknown.
/// </remarks>
public enum DigestAlgorithm
{
    /// <summary>"MD5": the RFC 2617 default, what almost every deployed phone sends.</summary>
    Md5,

    /// <summary>"SHA-256" (RFC 7616, RFC 8760).</summary>
    Sha256,
}
