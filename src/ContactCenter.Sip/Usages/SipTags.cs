using System.Security.Cryptography;

namespace ContactCenter.Sip.Usages;

/// <summary>Random tokens for To/From tags (RFC 3261 §19.3: at least 32 bits of randomness).</summary>
public static class SipTags
{
    private static ReadOnlySpan<byte> Alphabet => "0123456789abcdefghijklmnopqrstuvwxyz"u8;

    public static byte[] New(int length = 10)
    {
        var tag = new byte[length];
        Span<byte> random = stackalloc byte[length];
        SipRandom.Fill(random);
        for (int i = 0; i < length; i++) tag[i] = Alphabet[random[i] % Alphabet.Length];
        return tag;
    }
}
