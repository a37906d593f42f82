using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// One hand-driven phone's side of a confirmed dialog with the server: builds its in-dialog requests (REFER, BYE, INFO),
/// answers the server's, and sets calls up between two <see cref="RawSipPeer"/>s.
/// </summary>
internal sealed class PhoneDialog
{
    private int _cseq;

    private PhoneDialog(RawSipPeer peer, string callId, string local, string remote, string remoteTarget, int cseq)
    {
        Peer = peer;
        CallId = callId;
        Local = local;
        Remote = remote;
        RemoteTarget = remoteTarget;
        _cseq = cseq;
    }

    public RawSipPeer Peer { get; }
    public string CallId { get; }

    /// <summary>This phone's address with its tag (From of its requests).</summary>
    public string Local { get; }

    /// <summary>The server's address with its tag (To of this phone's requests).</summary>
    public string Remote { get; }

    /// <summary>The server's Contact: the Request-URI of this phone's requests.</summary>
    public string RemoteTarget { get; }

    public string LocalTag => Tag(Local);
    public string RemoteTag => Tag(Remote);

    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    private static string Tag(string address) => address[(address.IndexOf(";tag=", StringComparison.Ordinal) + 5)..].Split(';')[0];

    /// <summary>
    /// <paramref name="from"/> calls <paramref name="to"/> through the server, which answers with SDP; both get and send
    /// their ACKs. Returns the caller's and the callee's dialog.
    /// </summary>
    public static async Task<(PhoneDialog Caller, PhoneDialog Callee)> ConnectAsync(CallEngineHarness h, RawSipPeer from, RawSipPeer to, string callId)
    {
        var fromAddress = $"<sip:{from.User}@{h.Server}>;tag=f-{callId}";
        var invite = $"INVITE sip:{to.User}@{h.Server} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{from.Port};rport;branch={Branch()}\r\n" +
                     $"Max-Forwards: 70\r\nFrom: {fromAddress}\r\nTo: <sip:{to.User}@{h.Server}>\r\nCall-ID: {callId}\r\n" +
                     $"CSeq: 1 INVITE\r\nContact: {from.Contact}\r\nContent-Type: application/sdp\r\n" +
                     $"Content-Length: {from.Sdp.Length}\r\n\r\n{from.Sdp}";
        await from.SendAsync(invite);
        var incoming = await to.ReceiveRequestAsync(SipMethod.Invite);
        var calleeTag = "t-" + callId;
        await to.SendAsync(to.Response(incoming, 200, "OK", calleeTag, to.Sdp));
        await to.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallIdString == incoming.CallIdString);
        var callee = new PhoneDialog(to, incoming.CallIdString, incoming.GetHeaderString(HeaderId.To)! + ";tag=" + calleeTag,
            incoming.GetHeaderString(HeaderId.From)!, Uri(incoming), 0);

        var ok = await from.ReceiveFinalAsync(SipMethod.Invite, callId);
        Assert.Equal(200, ok.StatusCode);
        var caller = new PhoneDialog(from, callId, fromAddress, ok.GetHeaderString(HeaderId.To)!, Uri(ok), 1);
        await from.SendAsync(caller.Request("ACK", cseq: 1));
        return (caller, callee);
    }

    private static string Uri(SipMessage message) => message.GetHeaderString(HeaderId.Contact)!.Trim().TrimStart('<').Split('>')[0];

    /// <summary>An in-dialog request; <paramref name="cseq"/> null takes the next CSeq.</summary>
    public string Request(string method, string headers = "", string body = "", string contentType = "application/sdp", int? cseq = null)
    {
        var number = cseq ?? ++_cseq;
        return $"{method} {RemoteTarget} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{Peer.Port};rport;branch={Branch()}\r\nMax-Forwards: 70\r\n" +
               $"From: {Local}\r\nTo: {Remote}\r\nCall-ID: {CallId}\r\nCSeq: {number} {method}\r\nContact: {Peer.Contact}\r\n" + headers +
               (body.Length > 0 ? $"Content-Type: {contentType}\r\n" : "") + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
    }

    public Task SendAsync(string method, string headers = "", string body = "", string contentType = "application/sdp") =>
        Peer.SendAsync(Request(method, headers, body, contentType));

    /// <summary>Sends a REFER to <paramref name="referTo"/> (the whole header value) and returns the final response.</summary>
    public async Task<SipMessage> ReferAsync(string referTo)
    {
        await SendAsync("REFER", $"Refer-To: {referTo}\r\nReferred-By: <sip:{Peer.User}@127.0.0.1>\r\n");
        return await FinalAsync(SipMethod.Refer);
    }

    public Task<SipMessage> FinalAsync(SipMethod method) =>
        Peer.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeqMethod == method && m.CallIdString == CallId);

    public Task<SipMessage> ReceiveRequestAsync(SipMethod method) =>
        Peer.ReceiveAsync(m => m.IsRequest && m.Method == method && m.CallIdString == CallId);

    /// <summary>The next NOTIFY of the refer subscription in this dialog, answered 200; returns its sipfrag status line.</summary>
    public async Task<(string Sipfrag, string SubscriptionState)> ReceiveReferNotifyAsync()
    {
        var notify = await ReceiveRequestAsync(SipMethod.Notify);
        await Peer.SendAsync(Peer.Response(notify, 200, "OK", LocalTag));
        Assert.Equal("refer", notify.GetHeaderString(HeaderId.Event));
        Assert.StartsWith("message/sipfrag", notify.GetHeaderString(HeaderId.ContentType));
        return (Encoding.UTF8.GetString(notify.Body.Span).TrimEnd(), notify.GetHeaderString(HeaderId.SubscriptionState)!);
    }

    /// <summary>The server's BYE in this dialog, answered 200.</summary>
    public async Task ReceiveByeAsync()
    {
        var bye = await ReceiveRequestAsync(SipMethod.Bye);
        await Peer.SendAsync(Peer.Response(bye, 200, "OK", LocalTag));
    }

    /// <summary>A re-INVITE with <paramref name="sdp"/>, its final response, and the ACK for a 2xx.</summary>
    public async Task<SipMessage> ReInviteAsync(string sdp)
    {
        await SendAsync("INVITE", body: sdp);
        int cseq = _cseq;
        var final = await Peer.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeqMethod == SipMethod.Invite && m.CSeq == cseq && m.CallIdString == CallId);
        if (final.StatusCode < 300) await Peer.SendAsync(Request("ACK", cseq: cseq));
        return final;
    }

    /// <summary>Hangs up: BYE, and its 200.</summary>
    public async Task ByeAsync()
    {
        await SendAsync("BYE");
        Assert.Equal(200, (await FinalAsync(SipMethod.Bye)).StatusCode);
    }

    /// <summary>
    /// An empty INFO (a keep-alive) and its answer: the call handles its messages in order, so whatever the server did for
    /// earlier messages of this call is done when this returns.
    /// </summary>
    public async Task BarrierAsync()
    {
        await SendAsync("INFO");
        Assert.Equal(200, (await FinalAsync(SipMethod.Info)).StatusCode);
    }
}
