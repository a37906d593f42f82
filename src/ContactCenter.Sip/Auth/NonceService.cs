using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Issues and checks stateless nonces: base64url( issued-at | random | HMAC-SHA256(secret, issued-at | random | realm)[..16] ).
/// Nothing is stored per nonce; a forged or altered nonce fails the MAC, an old one is stale.
/// Several registrar instances that must accept each other's nonces share the secret.
/// </summary>
public sealed class NonceService
{
    /// <summary>The lifetime used when none is given: five minutes, as Kamailio's default.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Length of every nonce this service issues, in characters.</summary>
    public const int NonceLength = 43;

    private const int TimestampSize = 8;
    private const int RandomSize = 8;
    private const int MacSize = 16;
    private const int RawSize = TimestampSize + RandomSize + MacSize;
    private const int StackLimit = 256;

    private readonly TimeProvider _timeProvider;
    private readonly byte[] _secret;

    /// <param name="timeProvider">Clock for issue times and expiry.</param>
    /// <param name="lifetime">How long a nonce stays valid; must be positive. Null means <see cref="DefaultLifetime"/>.</param>
    /// <param name="secret">HMAC key, at least 16 bytes; null draws 32 random bytes (nonces then die with the process).</param>
    public NonceService(TimeProvider timeProvider, TimeSpan? lifetime = null, byte[]? secret = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Lifetime = lifetime ?? DefaultLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lifetime, TimeSpan.Zero, nameof(lifetime));
        if (secret is not null && secret.Length < 16)
        {
            throw new ArgumentException("The nonce secret must be at least 16 bytes.", nameof(secret));
        }

        _timeProvider = timeProvider;
        _secret = secret is null ? RandomNumberGenerator.GetBytes(32) : (byte[])secret.Clone();
    }

    /// <summary>How long a nonce stays valid after it is issued.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>A fresh nonce bound to <paramref name="realm"/>.</summary>
    public string Create(string realm)
    {
        ArgumentNullException.ThrowIfNull(realm);
        Span<byte> raw = stackalloc byte[RawSize];
        BinaryPrimitives.WriteInt64BigEndian(raw, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        SipRandom.Fill(raw.Slice(TimestampSize, RandomSize));

        byte[]? rented = null;
        int realmLength = Encoding.UTF8.GetByteCount(realm);
        Span<byte> realmUtf8 = realmLength <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(realmLength));
        try
        {
            realmLength = Encoding.UTF8.GetBytes(realm, realmUtf8);
            ComputeMac(raw[..(TimestampSize + RandomSize)], realmUtf8[..realmLength], raw[(TimestampSize + RandomSize)..]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return Base64Url.EncodeToString(raw);
    }

    /// <summary>Checks a nonce as received (bytes) against the realm it must be bound to.</summary>
    /// <param name="nonce">The nonce parameter value, unquoted.</param>
    /// <param name="realmUtf8">The realm, UTF-8.</param>
    /// <param name="key">The nonce's identity when the result is Valid or Stale; default otherwise.</param>
    public NonceStatus Validate(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> realmUtf8, out NonceKey key)
    {
        key = default;
        if (nonce.Length != NonceLength || !IsBase64UrlAlphabet(nonce))
        {
            return NonceStatus.Invalid;
        }

        Span<byte> raw = stackalloc byte[RawSize];
        if (!Base64Url.TryDecodeFromUtf8(nonce, raw, out int decoded) || decoded != RawSize)
        {
            return NonceStatus.Invalid;
        }

        Span<byte> expectedMac = stackalloc byte[MacSize];
        ComputeMac(raw[..(TimestampSize + RandomSize)], realmUtf8, expectedMac);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, raw[(TimestampSize + RandomSize)..]))
        {
            return NonceStatus.Invalid;
        }

        key = new NonceKey(BinaryPrimitives.ReadInt64BigEndian(raw), BinaryPrimitives.ReadUInt64BigEndian(raw[TimestampSize..]));
        return IsExpired(key) ? NonceStatus.Stale : NonceStatus.Valid;
    }

    /// <summary>String convenience for <see cref="Validate(ReadOnlySpan{byte}, ReadOnlySpan{byte}, out NonceKey)"/>.</summary>
    public NonceStatus Validate(string nonce, string realm)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(realm);
        return Validate(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(realm), out _);
    }

    /// <summary>Whether a nonce issued at <paramref name="key"/>'s time is past its lifetime now.</summary>
    public bool IsExpired(NonceKey key) => IsExpired(key, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), Lifetime);

    internal static bool IsExpired(NonceKey key, long nowUnixMilliseconds, TimeSpan lifetime) =>
        nowUnixMilliseconds - key.IssuedAtUnixMilliseconds > (long)lifetime.TotalMilliseconds;

    private void ComputeMac(ReadOnlySpan<byte> timestampAndRandom, ReadOnlySpan<byte> realmUtf8, Span<byte> destination)
    {
        int length = timestampAndRandom.Length + realmUtf8.Length;
        byte[]? rented = null;
        Span<byte> input = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            timestampAndRandom.CopyTo(input);
            realmUtf8.CopyTo(input[timestampAndRandom.Length..]);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_secret, input[..length], mac);
            mac[..MacSize].CopyTo(destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsBase64UrlAlphabet(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            bool ok = (uint)(b - 'A') <= 25 || (uint)(b - 'a') <= 25 || (uint)(b - '0') <= 9 || b == (byte)'-' || b == (byte)'_';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
