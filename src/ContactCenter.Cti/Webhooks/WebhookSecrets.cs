using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContactCenter.Cti.Webhooks;

/// <summary>
/// Webhook secrets must be usable for signing, so they cannot be hashed like tokens. They are stored encrypted with
/// ASP.NET Core Data Protection (AES-256-CBC + HMACSHA256, keys in <c>&lt;data&gt;/cti-keys</c>, mode 0700) and are
/// never returned by the API; a generated secret is shown once, in the <c>subscribe</c> response. A copy of the
/// database alone (a backup) does not reveal them; the data directory as a whole does, as it holds the key ring.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    /// <summary>Shortest secret accepted from a client.</summary>
    public const int MinLength = 16;

    /// <summary>Longest secret accepted from a client.</summary>
    public const int MaxLength = 256;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("ContactCenter.Cti.WebhookSecret.v1");

    /// <summary>A new random secret: <c>whsec_</c> + 256 bits, base64url.</summary>
    public static string Generate() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The form stored in the database.</summary>
    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>The secret, to sign with.</summary>
    /// <exception cref="CryptographicException">The key ring lost the key (the data directory was replaced).</exception>
    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
