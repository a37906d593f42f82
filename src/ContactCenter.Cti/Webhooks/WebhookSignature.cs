using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Cti.Webhooks;

/// <summary>
/// <c>X-CC-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>. The timestamp is inside
/// the signed text so a receiver can refuse replays older than a few minutes. Vectors: docs/cti/webhook-signatures.md.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string HeaderName = "X-CC-Signature";

    /// <summary>The event id header (the envelope's <c>id</c>), for receivers to drop duplicates.</summary>
    public const string EventIdHeaderName = "X-CC-Event-Id";

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="unixSeconds"/>.</summary>
    public static string Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        string timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        byte[] key = Encoding.UTF8.GetBytes(secret);
        byte[] signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(key, signed))}";
    }

    /// <summary>
    /// What a receiver does: parses the header, checks the timestamp is within <paramref name="tolerance"/> of
    /// <paramref name="now"/> and compares the MAC in constant time.
    /// </summary>
    public static bool Verify(string secret, string header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? timestamp = null;
        string? mac = null;
        foreach (string part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal) && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out long t))
                timestamp = t;
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
                mac = part[3..];
        }
        if (timestamp is null || mac is null)
            return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp.Value)).Duration() > tolerance)
            return false;
        string expected = Compute(secret, timestamp.Value, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes($"t={timestamp},v1={mac}"));
    }
}
