using System.Security.Cryptography;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// Random identifiers: branch parameters "unique across space and time" with the RFC 3261 magic cookie (§8.1.1.7) and
/// tags that are "cryptographically random with at least 32 bits of randomness" (§19.3).
/// </summary>
public static class SipIds
{
    /// <summary>The prefix that tells RFC 3261 branches from RFC 2543 ones (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    private const int BranchRandomChars = 20; // 100 bits
    private const int TagChars = 12;          // 60 bits

    // 32 symbols so each one carries exactly 5 random bits.
    private static ReadOnlySpan<byte> Alphabet => "abcdefghijklmnopqrstuvwxyz234567"u8;

    public static string NewBranch() => string.Create(MagicCookie.Length + BranchRandomChars, 0, static (chars, _) =>
    {
        MagicCookie.CopyTo(chars);
        FillRandom(chars[MagicCookie.Length..]);
    });

    /// <summary>
    /// A Call-ID, <c>random@host</c>: 128 cryptographically random bits (§8.1.1.4 recommends them) as 32 hex digits,
    /// from the per-thread buffer rather than a system call each (<see cref="Guid.NewGuid"/> read the OS generator).
    /// </summary>
    public static string NewCallId(string host) => string.Create(32 + 1 + host.Length, host, static (chars, host) =>
    {
        Span<byte> random = stackalloc byte[16];
        SipRandom.Fill(random);
        Convert.TryToHexStringLower(random, chars, out _);
        chars[32] = '@';
        host.CopyTo(chars[33..]);
    });

    public static string NewTag() => string.Create(TagChars, 0, static (chars, _) => FillRandom(chars));

    private static void FillRandom(Span<char> chars)
    {
        Span<byte> random = stackalloc byte[chars.Length];
        SipRandom.Fill(random);
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)Alphabet[random[i] & 31];
    }
}
