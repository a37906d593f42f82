using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>One computed credentials header: <see cref="HeaderId.Authorization"/> (answering a 401) or <see cref="HeaderId.ProxyAuthorization"/> (a 407).</summary>
/// <param name="Id">Which header to write.</param>
/// <param name="Realm">The realm it answers; a retry replaces the earlier header of the same kind and realm.</param>
/// <param name="Value">The header value, "Digest username=…".</param>
public readonly record struct DigestAuthorizationHeader(HeaderId Id, string Realm, string Value);
