using System.Net;
using System.Text;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Dialogs;

/// <summary>
/// Real message bytes for the dialog tests: an INVITE from Alice to Bob through proxies that Record-Route, the responses
/// Bob sends back (Record-Route copied, §12.1.1), and in-dialog requests; parsed as a transport would hand them up.
/// </summary>
internal static class DialogMessages
{
    public const string CallId = "dlg-call-1@192.0.2.10";
    public const string AliceTag = "alice-tag";
    public const string AliceContact = "<sip:alice@192.0.2.10:5060;transport=udp>";
    public const string AliceVia = "SIP/2.0/UDP 192.0.2.10:5060";
    public const string BobContact = "<sip:bob@192.0.2.20:5070>";
    public const string BobVia = "SIP/2.0/UDP 192.0.2.20:5070";

    public static readonly IPEndPoint Peer = new(IPAddress.Parse("192.0.2.10"), 5060);
    public static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.20"), 5070);

    /// <summary>
    /// Alice's INVITE as Bob receives it. <paramref name="recordRoute"/> is in message order: the proxy nearest Bob
    /// added its value last, on top, so it comes first.
    /// </summary>
    public static byte[] Invite(string[]? recordRoute = null, uint cseq = 314, string callId = CallId, string fromTag = AliceTag,
        string requestUri = "sip:bob@example.com", string? contact = AliceContact, string? extraHeaders = null, string branch = "z9hG4bKinvite1")
    {
        var text = new StringBuilder()
            .Append("INVITE ").Append(requestUri).Append(" SIP/2.0\r\n")
            .Append("Via: ").Append(AliceVia).Append(";branch=").Append(branch).Append("\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("From: \"Alice\" <sip:alice@example.com>;tag=").Append(fromTag).Append("\r\n")
            .Append("To: Bob <sip:bob@example.com>\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: ").Append(cseq).Append(" INVITE\r\n");
        foreach (var route in recordRoute ?? []) text.Append("Record-Route: ").Append(route).Append("\r\n");
        if (contact is not null) text.Append("Contact: ").Append(contact).Append("\r\n");
        if (extraHeaders is not null) text.Append(extraHeaders).Append("\r\n");
        text.Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Bob's response to <paramref name="request"/>: Record-Route copied from it, Bob's Contact, the given To tag.</summary>
    public static byte[] Response(SipMessage request, int status, string reason, string? toTag, string? contact = BobContact,
        string? extraHeaders = null)
    {
        var writer = SipResponseFactory.Create(request, status, reason, toTag is null ? default : Encoding.ASCII.GetBytes(toTag));
        writer.CopyHeaders(request, HeaderId.RecordRoute);
        if (contact is not null) writer.Header(HeaderId.Contact, contact);
        if (extraHeaders is not null)
            foreach (var line in extraHeaders.Split("\r\n"))
            {
                int colon = line.IndexOf(':');
                writer.Header(line[..colon], line[(colon + 1)..].Trim());
            }
        return writer.Finish();
    }

    /// <summary>A request from Alice inside the dialog, as Bob receives it (To tag Bob's, From tag Alice's).</summary>
    public static byte[] InDialogRequest(string method, uint cseq, string bobTag, string? contact = null, string callId = CallId,
        string branch = "z9hG4bKindialog", string? extraHeaders = null)
    {
        var text = new StringBuilder()
            .Append(method).Append(" sip:bob@192.0.2.20:5070 SIP/2.0\r\n")
            .Append("Via: ").Append(AliceVia).Append(";branch=").Append(branch).Append("\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("From: \"Alice\" <sip:alice@example.com>;tag=").Append(AliceTag).Append("\r\n")
            .Append("To: Bob <sip:bob@example.com>;tag=").Append(bobTag).Append("\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: ").Append(cseq).Append(' ').Append(method).Append("\r\n");
        if (contact is not null) text.Append("Contact: ").Append(contact).Append("\r\n");
        if (extraHeaders is not null) text.Append(extraHeaders).Append("\r\n");
        text.Append("Content-Length: 0\r\n\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static SipMessage Parse(ReadOnlyMemory<byte> bytes)
    {
        Assert.True(SipMessageParser.TryParse(bytes, out var message, out var error),
            $"message does not parse ({error}):\n{Encoding.UTF8.GetString(bytes.Span)}");
        message!.Source = new SipSource(SipTransportKind.Udp, Peer, Local);
        return message;
    }

    /// <summary>Parses a request we built and checks it passes the validator a peer's stack would run.</summary>
    public static SipMessage ParseValid(ReadOnlyMemory<byte> bytes)
    {
        var message = Parse(bytes);
        var result = SipMessageValidator.Validate(message);
        Assert.False(result.IsError, $"built message is rejected ({result.StatusCode} {result.ReasonPhrase}):\n{message}");
        return message;
    }

    public static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    public static string[] Values(SipMessage message, HeaderId id)
    {
        var list = new List<string>();
        foreach (var value in message.GetValues(id)) list.Add(Encoding.UTF8.GetString(value.Span));
        return [.. list];
    }

    public static string Header(SipMessage message, HeaderId id) => message.GetHeaderString(id) ?? "";

    /// <summary>The UAS dialog Bob makes for <paramref name="invite"/> with tag <paramref name="bobTag"/>.</summary>
    public static SipDialog Uas(SipMessage invite, string bobTag = "bob-tag", SipDialogState state = SipDialogState.Confirmed)
    {
        Assert.True(SipDialog.TryCreateUas(invite, bobTag, BobContact, BobVia, state, out var dialog, out var error), error.ToString());
        return dialog!;
    }

    /// <summary>The UAC dialog Alice makes from her INVITE and Bob's response (responses are parsed, as received).</summary>
    public static SipDialog Uac(SipMessage invite, SipMessage response)
    {
        Assert.True(SipDialog.TryCreateUac(invite, response, out var dialog, out var error), error.ToString());
        return dialog!;
    }
}
