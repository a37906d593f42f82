namespace ContactCenter.Acd;

/// <summary>The family of an error, so an API can map it to a status without knowing every code.</summary>
public enum AcdErrorKind
{
    /// <summary>The input is malformed or out of range (400).</summary>
    Invalid,

    /// <summary>A named agent, service, skill... does not exist (404).</summary>
    NotFound,

    /// <summary>The request is valid but the current state refuses it (409).</summary>
    Conflict,

    /// <summary>The service's permissions forbid it (403).</summary>
    Forbidden,
}
