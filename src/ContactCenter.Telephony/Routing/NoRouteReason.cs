namespace ContactCenter.Telephony.Routing;

public enum NoRouteReason
{
    /// <summary>No dial-plan rule of the caller's profile matches (404 Not Found).</summary>
    NoMatchingRule,

    /// <summary>The caller is not an extension of any profile, so it has no dial plan (403 Forbidden).</summary>
    UnknownCaller,

    /// <summary>The dialled string is empty, too long or has characters a number cannot have (484 Address Incomplete).</summary>
    InvalidNumber,
}
