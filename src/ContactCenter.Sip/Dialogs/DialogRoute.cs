using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// One entry of a dialog's route set: the Record-Route value as received (it becomes a Route value as is), its URI, and
/// whether that URI has <c>lr</c>, i.e. the proxy is a loose router (RFC 3261 §16.12.1.1).
/// </summary>
public sealed record DialogRoute(string Value, string Uri, bool IsLooseRouter)
{
    internal static DialogRoute From(NameAddress address)
    {
        var value = Encoding.UTF8.GetString(address.Value.Span).Trim();
        var uri = Encoding.UTF8.GetString(address.Uri.Raw.Span);
        return new DialogRoute(value, uri, address.Uri.HasParameter("lr"u8));
    }

    /// <summary>
    /// The URI as a Request-URI for a strict router (§12.2.1.1): the same URI without what a Request-URI may not carry
    /// (§19.1.1 table): the <c>?headers</c> part and the <c>method</c> parameter.
    /// </summary>
    public string RequestUri
    {
        get
        {
            int question = Uri.IndexOf('?');
            var uri = question < 0 ? Uri : Uri[..question];
            int method = uri.IndexOf(";method=", StringComparison.OrdinalIgnoreCase);
            if (method < 0) return uri;
            int end = uri.IndexOf(';', method + 1);
            return end < 0 ? uri[..method] : uri[..method] + uri[end..];
        }
    }
}
