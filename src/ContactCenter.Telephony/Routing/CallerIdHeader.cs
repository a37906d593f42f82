namespace ContactCenter.Telephony.Routing;

/// <summary>Where the presented caller number goes on calls out through a trunk.</summary>
public enum CallerIdHeader
{
    /// <summary>The number is the From user.</summary>
    From,

    /// <summary>
    /// From carries the account (<c>FromUser</c> or the user name) and the number goes in
    /// P-Asserted-Identity (RFC 3325), as providers that authenticate by From user require.
    /// </summary>
    PAssertedIdentity,
}
