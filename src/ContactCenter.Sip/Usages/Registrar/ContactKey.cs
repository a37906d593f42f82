using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>
/// A comparison key for contact URIs, close to RFC 3261 §19.1.4: scheme and host compare case-insensitively, user
/// case-sensitively, and the port and transport parameter are significant.
/// </summary>
internal static class ContactKey
{
    public static string Of(in SipUri uri)
    {
        if (!uri.IsSip) return Encoding.UTF8.GetString(uri.Raw.Span);
        var sb = new StringBuilder(64);
        sb.Append(uri.Scheme == UriScheme.Sips ? "sips:" : "sip:");
        if (!uri.User.IsEmpty) sb.Append(uri.UserString).Append('@');
        sb.Append(uri.HostString.ToLowerInvariant());
        if (uri.Port != 0) sb.Append(':').Append(uri.Port);
        if (uri.TryGetParameter("transport"u8, out var transport))
            sb.Append(";transport=").Append(Encoding.ASCII.GetString(transport).ToLowerInvariant());
        return sb.ToString();
    }
}
