using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// The Digest computations of RFC 7616 §3.4.1–3.4.3 (and RFC 2617 / RFC 2069 for the qop-less form):
/// HA1 = H(username ":" realm ":" password), HA2 = H(method ":" uri),
/// response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2), or H(HA1 ":" nonce ":" HA2) without qop.
/// Hex is lower-case, as the RFCs require inside the hash input.
/// </summary>
public static class DigestHash
{
    // Above this the scratch buffer comes from the pool instead of the stack.
    private const int StackLimit = 512;

    /// <summary>HA1 as lower-case hex: what a credential store keeps instead of the password.</summary>
    public static string ComputeHa1(DigestAlgorithm algorithm, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);

        int length = Encoding.UTF8.GetByteCount(username) + Encoding.UTF8.GetByteCount(realm) + Encoding.UTF8.GetByteCount(password) + 2;
        byte[]? rented = null;
        Span<byte> input = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            int written = Encoding.UTF8.GetBytes(username, input);
            input[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(realm, input[written..]);
            input[written++] = (byte)':';
            written += Encoding.UTF8.GetBytes(password, input[written..]);

            Span<byte> digest = stackalloc byte[32];
            int size = Hash(algorithm, input[..written], digest);
            // The password passed through this buffer: do not leave it in the pool or on the stack.
            CryptographicOperations.ZeroMemory(input[..written]);
            return Convert.ToHexStringLower(digest[..size]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The expected response as lower-case hex; <paramref name="qop"/> null or "" selects the RFC 2069 form.</summary>
    public static string ComputeResponse(
        DigestAlgorithm algorithm, string ha1Hex, string nonce, string method, string uri,
        string? qop = null, string? nonceCount = null, string? cnonce = null)
    {
        ArgumentNullException.ThrowIfNull(ha1Hex);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);

        Span<byte> digest = stackalloc byte[32];
        int size = ComputeResponse(
            algorithm,
            Encoding.ASCII.GetBytes(ha1Hex.ToLowerInvariant()),
            Encoding.UTF8.GetBytes(nonce),
            Encoding.UTF8.GetBytes(nonceCount ?? string.Empty),
            Encoding.UTF8.GetBytes(cnonce ?? string.Empty),
            Encoding.UTF8.GetBytes(qop ?? string.Empty),
            Encoding.UTF8.GetBytes(method),
            Encoding.UTF8.GetBytes(uri),
            digest);
        return Convert.ToHexStringLower(digest[..size]);
    }

    /// <summary>
    /// Writes the raw response digest (not hex) to <paramref name="digestDestination"/> and returns its size.
    /// An empty <paramref name="qop"/> selects the RFC 2069 form; then nonceCount and cnonce are ignored.
    /// <paramref name="ha1Hex"/> must already be lower-case hex.
    /// </summary>
    public static int ComputeResponse(
        DigestAlgorithm algorithm,
        ReadOnlySpan<byte> ha1Hex,
        ReadOnlySpan<byte> nonce,
        ReadOnlySpan<byte> nonceCount,
        ReadOnlySpan<byte> cnonce,
        ReadOnlySpan<byte> qop,
        ReadOnlySpan<byte> method,
        ReadOnlySpan<byte> uri,
        Span<byte> digestDestination)
    {
        int hashSize = DigestAlgorithms.GetHashSize(algorithm);
        int length = Math.Max(method.Length + 1 + uri.Length,
            ha1Hex.Length + nonce.Length + nonceCount.Length + cnonce.Length + qop.Length + (2 * hashSize) + 5);
        byte[]? rented = null;
        Span<byte> scratch = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            // HA2 = H(method ":" uri), then its hex goes at the end of the final input.
            int written = Append(scratch, 0, method);
            scratch[written++] = (byte)':';
            written = Append(scratch, written, uri);
            Span<byte> ha2 = stackalloc byte[32];
            Hash(algorithm, scratch[..written], ha2);

            written = Append(scratch, 0, ha1Hex);
            scratch[written++] = (byte)':';
            written = Append(scratch, written, nonce);
            scratch[written++] = (byte)':';
            if (!qop.IsEmpty)
            {
                written = Append(scratch, written, nonceCount);
                scratch[written++] = (byte)':';
                written = Append(scratch, written, cnonce);
                scratch[written++] = (byte)':';
                written = Append(scratch, written, qop);
                scratch[written++] = (byte)':';
            }

            WriteHexLower(ha2[..hashSize], scratch.Slice(written, 2 * hashSize));
            written += 2 * hashSize;
            return Hash(algorithm, scratch[..written], digestDestination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    internal static int Hash(DigestAlgorithm algorithm, ReadOnlySpan<byte> source, Span<byte> destination) => algorithm switch
    {
        DigestAlgorithm.Md5 => MD5.HashData(source, destination),
        DigestAlgorithm.Sha256 => SHA256.HashData(source, destination),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown digest algorithm."),
    };

    internal static void WriteHexLower(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = "0123456789abcdef"u8[bytes[i] >> 4];
            destination[(2 * i) + 1] = "0123456789abcdef"u8[bytes[i] & 0xF];
        }
    }

    /// <summary>Decodes hex of either case; false when the length is odd, too long, or a digit is not hex.</summary>
    internal static bool TryDecodeHex(ReadOnlySpan<byte> hex, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if ((hex.Length & 1) != 0 || hex.Length / 2 > destination.Length)
        {
            return false;
        }

        for (int i = 0; i < hex.Length; i += 2)
        {
            int high = DigestCredentialsParser.HexDigitValue(hex[i]);
            int low = DigestCredentialsParser.HexDigitValue(hex[i + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[bytesWritten++] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int Append(Span<byte> destination, int offset, ReadOnlySpan<byte> value)
    {
        value.CopyTo(destination[offset..]);
        return offset + value.Length;
    }
}
