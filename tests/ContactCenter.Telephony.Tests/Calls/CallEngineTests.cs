using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// The call engine's state machine against hand-driven SIP peers on loopback: refusals, the callee's failure relayed,
/// and a CANCEL that must wait for the callee's first provisional (RFC 3261 §9.1).
/// </summary>
public sealed class CallEngineTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_caller_who_is_not_an_extension_is_403_and_takes_no_media()
    {
        await using var h = new CallEngineHarness();
        await h.Caller.SendAsync(h.Invite("2002", "c403", Branch()).Replace("sip:2001@", "sip:9001@"));
        Assert.Equal(403, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "c403")).StatusCode);
        var call = await h.NextEndedAsync();
        Assert.Equal(HangupSide.System, call.Record!.HangupSide);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task A_caller_claiming_an_extension_from_where_it_is_not_registered_is_403()
    {
        await using var h = new CallEngineHarness(requireRegisteredCaller: true);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        // From says 2001, but 2001 never registered: anyone could write that header.
        await h.Caller.SendAsync(h.Invite("2002", "spoof1", Branch()));
        var refused = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "spoof1");
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("Caller Not Registered From This Address", System.Text.Encoding.ASCII.GetString(refused.ReasonPhrase.Span));

        // Once 2001 registers from this socket, its call goes through to the callee.
        await h.Caller.RegisterAsync("pw-2001", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "legit1", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 486, "Busy Here", "callee1"));
        var busy = await h.Caller.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CallIdString == "legit1");
        Assert.Equal(486, busy.StatusCode);
    }

    [Fact]
    public async Task Unknown_number_is_404_unregistered_is_480_and_no_common_codec_is_488()
    {
        await using var h = new CallEngineHarness();
        await h.Caller.SendAsync(h.Invite("7777", "c404", Branch()));
        Assert.Equal(404, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "c404")).StatusCode);
        await h.Caller.SendAsync(h.Invite("2003", "c480", Branch()));
        Assert.Equal(480, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "c480")).StatusCode);

        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        // An offer with only G.729 (payload type 18), which we do not carry: no common codec.
        var g729 = h.Invite("2002", "c488", Branch()).Replace("RTP/AVP 0\r\na=rtpmap:0 PCMU/8000", "RTP/AVP 18\r\na=rtpmap:18 G729/8000");
        Assert.Contains("G729", g729);
        await h.Caller.SendAsync(g729);
        Assert.Equal(488, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "c488")).StatusCode);
        Assert.Equal([404, 480, 488], new[] { await h.NextEndedAsync(), await h.NextEndedAsync(), await h.NextEndedAsync() }
            .Select(c => c.Record!.HangupCode!.Value));
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task The_callee_invite_spends_a_hop_and_a_request_with_none_left_is_483()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "hops1", Branch()).Replace("Max-Forwards: 70", "Max-Forwards: 1"));
        Assert.Equal(483, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "hops1")).StatusCode);

        await h.Caller.SendAsync(h.Invite("2002", "hops2", Branch()).Replace("Max-Forwards: 70", "Max-Forwards: 9"));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Equal(8, invite.MaxForwards);
        await h.Callee.SendAsync(h.Callee.Response(invite, 603, "Decline", "callee1"));
        // The 483 of the first call is retransmitted (this peer never ACKs it): look at the second call only.
        var declined = await h.Caller.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CallIdString == "hops2");
        Assert.Equal(603, declined.StatusCode);
    }

    [Fact]
    public async Task Busy_callee_is_relayed_as_486_and_its_media_leg_released()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "busy", Branch()));

        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Equal($"sip:2002@127.0.0.1:{h.Callee.Port}", invite.RequestUri.ToString());
        Assert.Contains("m=audio", System.Text.Encoding.UTF8.GetString(invite.Body.Span));
        Assert.Equal(2, h.MediaLegs);
        await h.Callee.SendAsync(h.Callee.Response(invite, 180, "Ringing", "callee1"));
        var ringing = await h.Caller.ReceiveResponseAsync(180);
        Assert.True(ringing.HasToTag);
        Assert.StartsWith("<sip:2002@127.0.0.1:", ringing.GetHeaderString(HeaderId.Contact));
        await h.Callee.SendAsync(h.Callee.Response(invite, 486, "Busy Here", "callee1"));

        Assert.Equal(486, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "busy")).StatusCode);
        await h.Callee.ReceiveRequestAsync(SipMethod.Ack); // the transaction layer ACKs the non-2xx
        var call = await h.NextEndedAsync();
        Assert.Equal(HangupSide.Callee, call.Record!.HangupSide);
        Assert.Equal(486, call.Record.HangupCode);
        Assert.NotNull(call.Record.RingingAt);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task Cancel_waits_for_the_callees_provisional_and_a_crossing_200_is_acked_and_hung_up()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var branch = Branch();
        await h.Caller.SendAsync(h.Invite("2002", "cancel", branch));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);

        await h.Caller.SendAsync(h.Invite("2002", "cancel", branch, method: "CANCEL"));
        Assert.Equal(200, (await h.Caller.ReceiveFinalAsync(SipMethod.Cancel, "cancel")).StatusCode);
        Assert.Equal(487, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "cancel")).StatusCode);
        // No provisional from the callee yet: no CANCEL may be sent (§9.1); only INVITE retransmissions arrive.
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(700), m => m.IsRequest && m.Method == SipMethod.Invite);

        await h.Callee.SendAsync(h.Callee.Response(invite, 180, "Ringing", "callee1"));
        var cancel = await h.Callee.ReceiveRequestAsync(SipMethod.Cancel);
        Assert.Equal(invite.CallIdString, cancel.CallIdString);
        // The callee answered at the same moment: the engine ACKs its 200 and hangs it up at once.
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ack = await h.Callee.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(invite.CSeq, ack.CSeq);
        var bye = await h.Callee.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Equal(invite.CallIdString, bye.CallIdString);

        var call = await h.NextEndedAsync();
        Assert.Equal(HangupSide.Caller, call.Record!.HangupSide);
        Assert.Equal(487, call.Record.HangupCode);
        Assert.Equal(CallState.Ended, call.State);
        Assert.Empty(h.Engine.ActiveCalls);
    }
}
