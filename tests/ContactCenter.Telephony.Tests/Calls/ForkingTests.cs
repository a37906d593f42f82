using System.Text.RegularExpressions;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// Parallel forking to every registered contact of an extension: the first 2xx wins, the others are cancelled (and
/// a 2xx that still comes from a loser is ACKed and hung up); failures are ranked, and a 6xx stops every fork.
/// </summary>
public sealed class ForkingTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Both_contacts_ring_the_first_200_wins_the_other_is_cancelled_and_its_late_200_acked_and_hung_up()
    {
        await using var h = new CallEngineHarness();
        var desk = h.Callee;
        var mobile = h.Phone("2002");
        await desk.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await mobile.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        await h.Caller.SendAsync(h.Invite("2002", "fork1", Branch()));
        var deskInvite = await desk.ReceiveRequestAsync(SipMethod.Invite);
        var mobileInvite = await mobile.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Equal($"sip:2002@127.0.0.1:{desk.Port}", deskInvite.RequestUri.ToString());
        Assert.Equal($"sip:2002@127.0.0.1:{mobile.Port}", mobileInvite.RequestUri.ToString());
        Assert.NotEqual(deskInvite.CallIdString, mobileInvite.CallIdString); // one B2BUA leg per fork

        await desk.SendAsync(desk.Response(deskInvite, 180, "Ringing", "desk"));
        await mobile.SendAsync(mobile.Response(mobileInvite, 180, "Ringing", "mobile"));
        await h.Caller.ReceiveResponseAsync(180);

        await desk.SendAsync(desk.Response(deskInvite, 200, "OK", "desk", desk.Sdp));
        var deskAck = await desk.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(deskInvite.CallIdString, deskAck.CallIdString);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "fork1");
        Assert.Equal(200, ok.StatusCode);

        var cancel = await mobile.ReceiveRequestAsync(SipMethod.Cancel);
        Assert.Equal(mobileInvite.CallIdString, cancel.CallIdString);
        Assert.Equal(mobileInvite.CSeq, cancel.CSeq);
        Assert.Equal(mobileInvite.GetHeaderString(HeaderId.Via), cancel.GetHeaderString(HeaderId.Via));
        await mobile.SendAsync(mobile.Response(cancel, 200, "OK", "mobile"));

        // The mobile had answered at the same moment: its 200 crosses our CANCEL. We ACK it and hang it up at once.
        await mobile.SendAsync(mobile.Response(mobileInvite, 200, "OK", "mobile", mobile.Sdp));
        var mobileAck = await mobile.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(mobileInvite.CallIdString, mobileAck.CallIdString);
        var mobileBye = await mobile.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Equal(mobileInvite.CallIdString, mobileBye.CallIdString);
        Assert.Contains("tag=mobile", mobileBye.GetHeaderString(HeaderId.To));
        await mobile.SendAsync(mobile.Response(mobileBye, 200, "OK", "mobile"));

        // The call itself stays with the desk phone.
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        await desk.AssertSilentAsync(TimeSpan.FromMilliseconds(300), m => m.IsRequest && m.Method == SipMethod.Ack);
        Assert.Single(h.Engine.ActiveCalls);
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "BYE", ok, 2));
        var deskBye = await desk.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Equal(deskInvite.CallIdString, deskBye.CallIdString);
        await desk.SendAsync(desk.Response(deskBye, 200, "OK", "desk"));

        var call = await h.NextEndedAsync();
        Assert.Equal("2002", call.Record!.AnsweredBy);
        Assert.Equal(HangupSide.Caller, call.Record.HangupSide);
        Assert.Equal(2, call.Record.Legs.Count); // the caller and the desk phone; the cancelled fork never connected
        Assert.Equal(deskInvite.CallIdString, call.Record.Legs[1].SipCallId);
    }

    [Fact]
    public async Task After_the_call_is_released_a_retransmitted_200_gets_the_same_ACK_and_a_new_fork_is_acked_and_hung_up()
    {
        await using var h = new CallEngineHarness();
        var desk = h.Callee;
        await desk.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "late1", Branch()));
        var invite = await desk.ReceiveRequestAsync(SipMethod.Invite);
        var deskOk = desk.Response(invite, 200, "OK", "desk", desk.Sdp);
        await desk.SendAsync(deskOk);
        var firstAck = await desk.ReceiveRequestAsync(SipMethod.Ack);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "late1");
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2002", "ACK", ok, 1));
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2002", "BYE", ok, 2));
        var bye = await desk.ReceiveRequestAsync(SipMethod.Bye);
        await desk.SendAsync(desk.Response(bye, 200, "OK", "desk"));
        var call = await h.NextEndedAsync();
        await call.Completion.WaitAsync(TimeSpan.FromSeconds(5)); // released: only the INVITE's transaction (Timer M) is left

        // Our ACK was lost: the phone's 200 again gets the very same ACK (same branch), from the bytes kept for 32 s.
        await desk.SendAsync(deskOk);
        var againAck = await desk.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(firstAck.GetHeaderString(HeaderId.Via), againAck.GetHeaderString(HeaderId.Via));
        Assert.Equal(firstAck.Raw.ToArray(), againAck.Raw.ToArray());

        // A 2xx from another fork of that INVITE (a proxy behind the phone forked it): ACKed and hung up at once.
        await desk.SendAsync(desk.Response(invite, 200, "OK", "desk-2", desk.Sdp));
        var forkAck = await desk.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Contains("tag=desk-2", forkAck.GetHeaderString(HeaderId.To));
        var forkBye = await desk.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Contains("tag=desk-2", forkBye.GetHeaderString(HeaderId.To));
        Assert.Equal(invite.CallIdString, forkBye.CallIdString);
        await desk.SendAsync(desk.Response(forkBye, 200, "OK", "desk-2"));
    }

    [Fact]
    public void The_INVITE_kept_for_late_answers_is_the_headers_a_forks_dialog_needs_with_a_zero_content_length()
    {
        const string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
        var text = "INVITE sip:2002@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKkept\r\n" +
            "Max-Forwards: 70\r\nRoute: <sip:proxy.example;lr>\r\nFrom: <sip:1001@cc>;tag=ours\r\nTo: <sip:2002@cc>\r\nCall-ID: kept-1@cc\r\n" +
            "CSeq: 7 INVITE\r\nContact: <sip:cc@127.0.0.1:5060>\r\nAllow: INVITE, ACK, BYE\r\nSession-Expires: 1800\r\n" +
            "Content-Type: application/sdp\r\nContent-Length: " + sdp.Length + "\r\n\r\n" + sdp;
        Assert.True(SipMessageParser.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var invite, out _));

        var kept = ContactCenter.Telephony.Calls.LateInviteAnswers.DialogHeadersOf(invite!);

        Assert.True(SipMessageParser.TryParse(kept, out var parsed, out var error), error.ToString());
        Assert.Equal(
            "INVITE sip:2002@127.0.0.1:5070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKkept\r\nFrom: <sip:1001@cc>;tag=ours\r\n" +
            "To: <sip:2002@cc>\r\nCall-ID: kept-1@cc\r\nCSeq: 7 INVITE\r\nContact: <sip:cc@127.0.0.1:5060>\r\n" +
            "Route: <sip:proxy.example;lr>\r\nContent-Length: 0\r\n\r\n",
            System.Text.Encoding.ASCII.GetString(kept.Span));
        Assert.True(parsed!.Body.IsEmpty);

        // A fork's 2xx makes its dialog from it as from the INVITE itself.
        var ok = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKkept\r\nFrom: <sip:1001@cc>;tag=ours\r\n" +
            "To: <sip:2002@cc>;tag=fork-2\r\nCall-ID: kept-1@cc\r\nCSeq: 7 INVITE\r\nContact: <sip:2002@127.0.0.1:5070>\r\nContent-Length: 0\r\n\r\n";
        Assert.True(SipMessageParser.TryParse(System.Text.Encoding.ASCII.GetBytes(ok), out var response, out _));
        Assert.True(ContactCenter.Sip.Dialogs.SipDialog.TryCreateUac(parsed, response!, out var fromKept, out _));
        Assert.True(ContactCenter.Sip.Dialogs.SipDialog.TryCreateUac(invite!, response!, out var fromInvite, out _));
        static string WithoutBranch(byte[] ack) => Regex.Replace(System.Text.Encoding.ASCII.GetString(ack), "branch=z9hG4bK[a-z0-9]+", "branch=…");
        Assert.Equal(WithoutBranch(fromInvite!.CreateAck(7)), WithoutBranch(fromKept!.CreateAck(7)));
    }

    [Fact]
    public async Task A_losing_fork_whose_ringing_and_200_arrive_together_is_acked_and_hung_up_and_the_call_stays()
    {
        // The desk answers before the mobile said anything: the mobile's CANCEL must wait for a provisional (§9.1).
        // Its 180 and 200 then arrive back to back: the 2xx may accept the INVITE before the call handles the 180, so
        // there is nothing left to cancel; the 200 is ACKed and hung up, and the call stays with the desk.
        await using var h = new CallEngineHarness();
        var desk = h.Callee;
        var mobile = h.Phone("2002");
        await desk.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await mobile.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "fork-race", Branch()));
        var deskInvite = await desk.ReceiveRequestAsync(SipMethod.Invite);
        var mobileInvite = await mobile.ReceiveRequestAsync(SipMethod.Invite);
        await desk.SendAsync(desk.Response(deskInvite, 200, "OK", "desk", desk.Sdp));
        await desk.ReceiveRequestAsync(SipMethod.Ack);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "fork-race");
        Assert.Equal(200, ok.StatusCode);

        await mobile.SendAsync(mobile.Response(mobileInvite, 180, "Ringing", "mobile"));
        await mobile.SendAsync(mobile.Response(mobileInvite, 200, "OK", "mobile", mobile.Sdp));
        var mobileBye = await mobile.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
        Assert.Contains("tag=mobile", mobileBye.GetHeaderString(HeaderId.To));
        await mobile.SendAsync(mobile.Response(mobileBye, 200, "OK", "mobile"));

        await h.Caller.SendAsync(h.InDialog(h.Caller, "2002", "ACK", ok, 1));
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2002", "BYE", ok, 2));
        var deskBye = await desk.ReceiveRequestAsync(SipMethod.Bye);
        await desk.SendAsync(desk.Response(deskBye, 200, "OK", "desk"));
        var call = await h.NextEndedAsync();
        Assert.Equal(HangupSide.Caller, call.Record!.HangupSide);
        Assert.Equal("2002", call.Record.AnsweredBy);
    }

    [Fact]
    public async Task Both_contacts_busy_is_486_to_the_caller_only_after_the_second_one()
    {
        await using var h = new CallEngineHarness();
        var desk = h.Callee;
        var mobile = h.Phone("2002");
        await desk.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await mobile.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        await h.Caller.SendAsync(h.Invite("2002", "busy2", Branch()));
        var deskInvite = await desk.ReceiveRequestAsync(SipMethod.Invite);
        var mobileInvite = await mobile.ReceiveRequestAsync(SipMethod.Invite);

        await desk.SendAsync(desk.Response(deskInvite, 486, "Busy Here", "desk"));
        await desk.ReceiveRequestAsync(SipMethod.Ack);
        // One fork is still ringing: the caller hears nothing final yet.
        await h.Caller.AssertSilentAsync(TimeSpan.FromMilliseconds(300), m => m.IsResponse && m.StatusCode < 200);

        await mobile.SendAsync(mobile.Response(mobileInvite, 486, "Busy Here", "mobile"));
        Assert.Equal(486, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "busy2")).StatusCode);
        var call = await h.NextEndedAsync();
        Assert.Equal(486, call.Record!.HangupCode);
        Assert.Equal(HangupSide.Callee, call.Record.HangupSide);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task A_busy_fork_and_a_not_found_fork_relay_busy()
    {
        await using var h = new CallEngineHarness();
        var desk = h.Callee;
        var mobile = h.Phone("2002");
        await desk.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await mobile.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        await h.Caller.SendAsync(h.Invite("2002", "rank1", Branch()));
        var deskInvite = await desk.ReceiveRequestAsync(SipMethod.Invite);
        var mobileInvite = await mobile.ReceiveRequestAsync(SipMethod.Invite);
        await desk.SendAsync(desk.Response(deskInvite, 486, "Busy Here", "desk"));
        await mobile.SendAsync(mobile.Response(mobileInvite, 404, "Not Found", "mobile"));
        Assert.Equal(486, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "rank1")).StatusCode);
    }

    [Fact]
    public async Task A_603_from_one_contact_cancels_the_other_and_is_relayed()
    {
        await using var h = new CallEngineHarness();
        var desk = h.Callee;
        var mobile = h.Phone("2002");
        await desk.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await mobile.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        await h.Caller.SendAsync(h.Invite("2002", "decline", Branch()));
        var deskInvite = await desk.ReceiveRequestAsync(SipMethod.Invite);
        var mobileInvite = await mobile.ReceiveRequestAsync(SipMethod.Invite);
        await mobile.SendAsync(mobile.Response(mobileInvite, 180, "Ringing", "mobile"));
        await h.Caller.ReceiveResponseAsync(180);

        await desk.SendAsync(desk.Response(deskInvite, 603, "Decline", "desk"));
        var cancel = await mobile.ReceiveRequestAsync(SipMethod.Cancel);
        Assert.Equal(mobileInvite.CallIdString, cancel.CallIdString);
        await mobile.SendAsync(mobile.Response(cancel, 200, "OK", "mobile"));
        await mobile.SendAsync(mobile.Response(mobileInvite, 487, "Request Terminated", "mobile"));
        await mobile.ReceiveRequestAsync(SipMethod.Ack);

        var declined = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "decline");
        Assert.Equal(603, declined.StatusCode);
        var call = await h.NextEndedAsync();
        Assert.Equal(603, call.Record!.HangupCode);
        Assert.Equal(0, h.MediaLegs);
    }
}
