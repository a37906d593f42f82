using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Core;

/// <summary>
/// The checks RFC 3261 §8.2 asks of every UAS before a usage processes a request, in the RFC's order: method (501),
/// Request-URI scheme (416), Require (420), body type (415) and, for INVITE, Accept (406).
/// </summary>
public static class UasRequestPolicy
{
    public static UasRejection? Check(SipMessage request, UasCapabilities capabilities)
    {
        if (!capabilities.Allows(request.Method))
            return new UasRejection(501, "Not Implemented", "Allow", capabilities.AllowHeader);

        if (!SipUri.TryParse(request.RequestUriBytes, out var uri))
            return new UasRejection(400, "Malformed Request-URI");
        if (uri.Scheme == UriScheme.Other)
            return new UasRejection(416, "Unsupported URI Scheme");

        // §8.2.2.3: a UAS ignores Proxy-Require; unknown Require tags are listed back in Unsupported. Never for ACK/CANCEL.
        if (request.Method is not (SipMethod.Ack or SipMethod.Cancel))
        {
            List<string>? unsupported = null;
            foreach (var tag in request.GetValues(HeaderId.Require))
            {
                var name = Encoding.ASCII.GetString(tag.Span);
                if (!capabilities.Extensions.Contains(name, StringComparer.OrdinalIgnoreCase)) (unsupported ??= []).Add(name);
            }
            if (unsupported != null)
                return new UasRejection(420, "Bad Extension", "Unsupported", string.Join(", ", unsupported));
        }

        if (!request.Body.IsEmpty && request.Method != SipMethod.Ack)
        {
            if (!request.TryGetHeader(HeaderId.ContentType, out var contentType) || !IsAccepted(contentType.Span, capabilities))
                return new UasRejection(415, "Unsupported Media Type", "Accept", capabilities.AcceptHeader);
            if (request.TryGetHeader(HeaderId.ContentEncoding, out var encoding) && !Ascii.EqualsIgnoreCase(encoding.Span, "identity"u8))
                return new UasRejection(415, "Unsupported Media Type", "Accept-Encoding", "identity");
        }

        if (request.Method == SipMethod.Invite && request.HasHeader(HeaderId.Accept) && !AcceptsAny(request, capabilities))
            return new UasRejection(406, "Not Acceptable");

        return null;
    }

    private static bool IsAccepted(ReadOnlySpan<byte> contentType, UasCapabilities capabilities)
    {
        int semi = contentType.IndexOf((byte)';');
        var mediaType = Encoding.ASCII.GetString(SipSyntax.Trim(semi < 0 ? contentType : contentType[..semi]));
        return capabilities.ContentTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

    private static bool AcceptsAny(SipMessage request, UasCapabilities capabilities)
    {
        foreach (var value in request.GetValues(HeaderId.Accept))
        {
            var span = value.Span;
            int semi = span.IndexOf((byte)';');
            var range = Encoding.ASCII.GetString(SipSyntax.Trim(semi < 0 ? span : span[..semi]));
            if (range == "*/*") return true;
            foreach (var type in capabilities.ContentTypes)
            {
                if (string.Equals(range, type, StringComparison.OrdinalIgnoreCase)) return true;
                if (range.EndsWith("/*", StringComparison.Ordinal) &&
                    type.StartsWith(range[..^1], StringComparison.OrdinalIgnoreCase)) return true;
            }
        }
        return false;
    }
}
