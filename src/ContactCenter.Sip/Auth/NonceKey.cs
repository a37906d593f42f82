namespace ContactCenter.Sip.Auth;

/// <summary>
/// The identity of a nonce issued by <see cref="NonceService"/>: when it was issued and its random part.
/// Used as the key for nonce-count tracking, so no string per nonce has to be kept.
/// </summary>
/// <param name="IssuedAtUnixMilliseconds">Issue time, Unix milliseconds, from the service's TimeProvider.</param>
/// <param name="Random">The 64 random bits that make the nonce unique.</param>
public readonly record struct NonceKey(long IssuedAtUnixMilliseconds, ulong Random);
