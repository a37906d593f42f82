namespace ContactCenter.Sip.Auth;

/// <summary>Why an Authorization / Proxy-Authorization value could not be read as Digest credentials.</summary>
public enum DigestParseError
{
    /// <summary>Parsed.</summary>
    None,

    /// <summary>The value is empty or only whitespace.</summary>
    Empty,

    /// <summary>Another scheme (Basic, NoOneKnowsThisScheme, ...): not an error of the client, just not ours.</summary>
    UnknownScheme,

    /// <summary>Broken syntax: missing '=', unterminated quoted string, stray characters, control bytes.</summary>
    Syntax,

    /// <summary>A known parameter (username, nonce, ...) appears twice.</summary>
    DuplicateParameter,

    /// <summary>No username parameter.</summary>
    MissingUsername,

    /// <summary>No realm parameter.</summary>
    MissingRealm,

    /// <summary>No nonce parameter.</summary>
    MissingNonce,

    /// <summary>No uri parameter.</summary>
    MissingUri,

    /// <summary>No response parameter.</summary>
    MissingResponse,

    /// <summary>qop is present but cnonce is not (RFC 7616 §3.4).</summary>
    MissingCnonce,

    /// <summary>qop is present but nc is not (RFC 7616 §3.4).</summary>
    MissingNonceCount,

    /// <summary>nc is not exactly eight hex digits.</summary>
    InvalidNonceCount,
}
