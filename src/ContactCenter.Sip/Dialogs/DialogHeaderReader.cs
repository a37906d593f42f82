using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>Reads the dialog-forming headers (Contact, Record-Route, From/To, top Via) out of a parsed message.</summary>
internal static class DialogHeaderReader
{
    /// <summary>The URI of the single Contact a dialog-forming message carries (§12.1.1); false for none, '*' or a bad one.</summary>
    public static bool TryReadContactUri(SipMessage message, out string uri)
    {
        uri = "";
        foreach (var value in message.GetValues(HeaderId.Contact))
        {
            if (!NameAddress.TryParse(value, out var contact) || !contact.Uri.IsSip) return false;
            uri = Encoding.UTF8.GetString(contact.Uri.Raw.Span);
            return true;
        }
        return false;
    }

    /// <summary>Every Record-Route value, in message order or reversed (the UAC's view, §12.1.2); false when one is malformed.</summary>
    public static bool TryReadRecordRoute(SipMessage message, bool reverse, out DialogRoute[] routes)
    {
        var list = new List<DialogRoute>();
        foreach (var value in message.GetValues(HeaderId.RecordRoute))
        {
            if (!NameAddress.TryParse(value, out var address) || !address.Uri.IsSip)
            {
                routes = [];
                return false;
            }
            list.Add(DialogRoute.From(address));
        }
        if (reverse) list.Reverse();
        routes = [.. list];
        return true;
    }

    /// <summary>The whole first value of From or To, as sent (display name, URI and parameters, tag included).</summary>
    public static string HeaderText(SipMessage message, HeaderId id) =>
        message.TryGetHeader(id, out var value) ? Encoding.UTF8.GetString(value.Span) : "";

    public static string UriOf(string nameAddress) =>
        NameAddress.TryParse(Encoding.UTF8.GetBytes(nameAddress), out var address) ? Encoding.UTF8.GetString(address.Uri.Raw.Span) : "";

    public static bool IsSipsUri(ReadOnlyMemory<byte> uri) => SipUri.TryParse(uri, out var parsed) && parsed.Scheme == UriScheme.Sips;

    /// <summary>
    /// "SIP/2.0/UDP host:port" of a request's top Via, without parameters: the UAC keeps sending in-dialog requests from
    /// where it sent the INVITE.
    /// </summary>
    public static string SentByOf(SipMessage request)
    {
        var via = request.TopVia;
        if (via.IsEmpty) return "";
        var text = new StringBuilder("SIP/2.0/").Append(Encoding.ASCII.GetString(via.TransportName)).Append(' ')
            .Append(Encoding.ASCII.GetString(via.Host));
        if (via.Port != 0) text.Append(':').Append(via.Port);
        return text.ToString();
    }
}
