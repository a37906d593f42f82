namespace ContactCenter.Sip.Usages.Core;

/// <summary>An answer decided before any usage sees the request, with the header that must go with it (if any).</summary>
public sealed record UasRejection(int StatusCode, string ReasonPhrase, string? HeaderName = null, string? HeaderValue = null);
