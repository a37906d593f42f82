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
    /// The URI as a Request-URI for a strict router (§12.2.1.1): the same URI with any <c>?headers</c> part dropped,
    /// since headers are not allowed in a Request-URI (§19.1.1 table).
    /// </summary>
    public string UriWithoutHeaders
    {
        get
        {
            int question = Uri.IndexOf('?');
            return question < 0 ? Uri : Uri[..question];
        }
    }
}
