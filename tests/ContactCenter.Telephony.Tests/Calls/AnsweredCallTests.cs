using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>An answered call between two hand-driven peers: 200 relayed with our SDP, a re-INVITE, the callee's BYE.</summary>
public sealed class AnsweredCallTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Answer_is_relayed_with_our_sdp_a_reinvite_is_answered_and_the_callees_bye_reaches_the_caller()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "talk", Branch()));

        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var calleeAck = await h.Callee.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(1u, calleeAck.CSeq);

        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "talk");
        Assert.Equal(200, ok.StatusCode);
        var sdp = Encoding.UTF8.GetString(ok.Body.Span);
        Assert.Contains("c=IN IP4 127.0.0.1", sdp);
        Assert.DoesNotContain($"m=audio {h.Callee.Port + 2} ", sdp); // our port, not the callee's: media is anchored
        var ourContact = ok.GetHeaderString(HeaderId.Contact)!.Trim('<', '>');
        var toWithTag = ok.GetHeaderString(HeaderId.To)!;
        await h.Caller.SendAsync(InDialog(h, "ACK", ourContact, toWithTag, "talk", 1));

        // A re-INVITE (session refresh) is answered by the caller's media leg.
        await h.Caller.SendAsync(InDialog(h, "INVITE", ourContact, toWithTag, "talk", 2, h.Caller.Sdp));
        var reOk = await h.Caller.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeq == 2);
        Assert.Equal(200, reOk.StatusCode);
        Assert.Contains("m=audio", Encoding.UTF8.GetString(reOk.Body.Span));
        await h.Caller.SendAsync(InDialog(h, "ACK", ourContact, toWithTag, "talk", 2));

        // The callee hangs up: BYE in its dialog (its To tag, our From tag), answered, and relayed to the caller.
        var bye = $"BYE {invite.GetHeaderString(HeaderId.Contact)!.Trim('<', '>')} SIP/2.0\r\n" +
                  $"Via: SIP/2.0/UDP 127.0.0.1:{h.Callee.Port};rport;branch={Branch()}\r\nMax-Forwards: 70\r\n" +
                  $"From: {invite.GetHeaderString(HeaderId.To)};tag=callee1\r\nTo: {invite.GetHeaderString(HeaderId.From)}\r\n" +
                  $"Call-ID: {invite.CallIdString}\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        await h.Callee.SendAsync(bye);
        Assert.Equal(200, (await h.Callee.ReceiveFinalAsync(SipMethod.Bye, invite.CallIdString)).StatusCode);
        var callerBye = await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Equal("talk", callerBye.CallIdString);
        await h.Caller.SendAsync(h.Caller.Response(callerBye, 200, "OK", "caller1"));

        var call = await h.NextEndedAsync();
        Assert.Equal(HangupSide.Callee, call.Record!.HangupSide);
        Assert.Equal("2002", call.Record.AnsweredBy);
        Assert.NotNull(call.Record.TalkTime);
        Assert.Equal(2, call.Record.Legs.Count);
        Assert.Equal("PCMU", call.Record.Legs[0].Codec);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task A_call_whose_phones_send_no_rtp_is_hung_up_on_both_sides()
    {
        await using var h = new CallEngineHarness(mediaInactivity: TimeSpan.FromSeconds(1));
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "silent", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "silent");
        await h.Caller.SendAsync(InDialog(h, "ACK", ok.GetHeaderString(HeaderId.Contact)!.Trim('<', '>'), ok.GetHeaderString(HeaderId.To)!, "silent", 1));

        Assert.Equal("silent", (await h.Caller.ReceiveRequestAsync(SipMethod.Bye)).CallIdString);
        Assert.Equal(invite.CallIdString, (await h.Callee.ReceiveRequestAsync(SipMethod.Bye)).CallIdString);
        var call = await h.NextEndedAsync();
        Assert.Equal(HangupSide.System, call.Record!.HangupSide);
        Assert.Equal(408, call.Record.HangupCode);
        Assert.Contains("no RTP", call.Record.HangupReason);
    }

    private static string InDialog(CallEngineHarness h, string method, string requestUri, string toWithTag, string callId, int cseq, string body = "") =>
        $"{method} {requestUri} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{h.Caller.Port};rport;branch={Branch()}\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:2001@{h.Server}>;tag=caller1\r\nTo: {toWithTag}\r\nCall-ID: {callId}\r\nCSeq: {cseq} {method}\r\n" +
        $"Contact: {h.Caller.Contact}\r\n" + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
}
