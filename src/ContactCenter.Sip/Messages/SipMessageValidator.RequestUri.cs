namespace ContactCenter.Sip.Messages;

public static partial class SipMessageValidator
{
    /// <summary>
    /// A well-formed absolute URI. For sip and sips the URI may not carry headers: RFC 3261 §19.1.1's table does not
    /// allow them in a Request-URI, and RFC 4475 §3.1.2.11 has such a request rejected with 400. Other schemes only
    /// need "scheme:" and an opaque part here; whether they are served is for the server to answer (416, §8.2.2.1).
    /// </summary>
    public static bool IsValidRequestUri(ReadOnlyMemory<byte> requestUri) =>
        SipUri.TryParse(requestUri, out var uri) && !(uri.IsSip && uri.HasHeaders);
}
