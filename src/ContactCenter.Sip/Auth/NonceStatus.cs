namespace ContactCenter.Sip.Auth;

/// <summary>What <see cref="NonceService.Validate(ReadOnlySpan{byte}, ReadOnlySpan{byte}, out NonceKey)"/> found.</summary>
public enum NonceStatus
{
    /// <summary>Issued by this service (same secret and realm) and still within its lifetime.</summary>
    Valid,

    /// <summary>Issued by this service but older than the lifetime: re-challenge with stale=true.</summary>
    Stale,

    /// <summary>Not issued by this service (forged, altered, another realm, or another secret, e.g. before a restart).</summary>
    Invalid,
}
