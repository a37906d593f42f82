using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// Blind transfer by REFER between hand-driven phones: 2001 calls 2002, one of them refers the other to 2003. The
/// transferor gets 202 and NOTIFYs (100, then the outcome), the transferee is bridged to the target when it answers.
/// </summary>
public sealed class BlindTransferTests
{
    [Fact]
    public async Task Callee_refers_the_caller_to_a_third_extension_which_gets_the_call_bridged_and_the_transferor_leaves()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind");
        Assert.True(h.Engine.TryFindCall("blind", out var call));

        Assert.Equal(202, (await callee.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        var (trying, active) = await callee.ReceiveReferNotifyAsync();
        Assert.Equal("SIP/2.0 100 Trying", trying);
        Assert.StartsWith("active", active);

        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Equal("2003", invite.RequestUri.UserString);
        await h.Third.SendAsync(h.Third.Response(invite, 180, "Ringing", "target1"));
        await h.Third.SendAsync(h.Third.Response(invite, 200, "OK", "target1", h.Third.Sdp));
        await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallIdString == invite.CallIdString);

        var (done, terminated) = await callee.ReceiveReferNotifyAsync();
        Assert.Equal("SIP/2.0 200 OK", done);
        Assert.StartsWith("terminated", terminated);
        await callee.ReceiveByeAsync();

        var transferred = await h.NextEventAsync(CallEventTypes.Transferred);
        var payload = transferred.PayloadAs<CallEventPayload>();
        Assert.Equal(call.Id, transferred.CallId);
        Assert.Equal(("2003", "2002"), (payload.Party, payload.By));
        Assert.Equal("2003", call.ConnectedParty);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);
        Assert.Equal(CallState.Talking, call.State);

        // The caller noticed nothing on the signalling side, and the call goes on until it hangs up.
        await caller.BarrierAsync();
        await caller.ByeAsync();
        var targetBye = await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == invite.CallIdString);
        await h.Third.SendAsync(h.Third.Response(targetBye, 200, "OK", "target1"));

        var ended = await h.NextEndedAsync();
        Assert.Same(call, ended);
        var record = ended.Record!;
        Assert.Equal(HangupSide.Caller, record.HangupSide);
        Assert.Equal("2002", record.AnsweredBy);
        Assert.Equal(["caller:2001", "callee:2002", "transfer-target:2003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.NotNull(record.Legs[1].EndedAt);
        Assert.True(record.Legs[1].EndedAt <= record.EndedAt);
        Assert.NotNull(record.Legs[2].AnsweredAt);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task Caller_refers_the_callee_to_a_third_extension()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-a");
        Assert.True(h.Engine.TryFindCall("blind-a", out var call));

        Assert.Equal(202, (await caller.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await caller.ReceiveReferNotifyAsync()).Sipfrag);
        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        // The target talks to the transferee (2002), so that is who its phone shows calling, not the caller who left.
        Assert.Contains("sip:2002@", invite.GetHeaderString(HeaderId.From));
        await h.Third.SendAsync(h.Third.Response(invite, 200, "OK", "target1", h.Third.Sdp));
        Assert.Equal("SIP/2.0 200 OK", (await caller.ReceiveReferNotifyAsync()).Sipfrag);
        await caller.ReceiveByeAsync();

        var payload = (await h.NextEventAsync(CallEventTypes.Transferred)).PayloadAs<CallEventPayload>();
        Assert.Equal(("2003", "2001"), (payload.Party, payload.By));
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);

        // The callee (now talking to 2003) hangs up: 2003 gets the BYE, the call ends.
        await callee.BarrierAsync();
        await callee.ByeAsync();
        var targetBye = await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == invite.CallIdString);
        await h.Third.SendAsync(h.Third.Response(targetBye, 200, "OK", "target1"));
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(["caller:2001", "callee:2002", "transfer-target:2003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
    }

    [Fact]
    public async Task A_refer_to_an_unknown_number_is_refused_and_the_call_goes_on()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-404");
        Assert.True(h.Engine.TryFindCall("blind-404", out var call));

        Assert.Equal(404, (await callee.ReferAsync($"<sip:7777@{h.Server}>")).StatusCode);
        await callee.BarrierAsync();
        Assert.Equal(CallState.Talking, call.State);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);

        // A REFER without a usable Refer-To is a 400, not a crash.
        await callee.SendAsync("REFER", "Refer-To: nonsense\r\n");
        Assert.Equal(400, (await callee.FinalAsync(SipMethod.Refer)).StatusCode);
        await callee.SendAsync("REFER");
        Assert.Equal(400, (await callee.FinalAsync(SipMethod.Refer)).StatusCode);

        await caller.ByeAsync();
        await callee.ReceiveByeAsync();
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(["caller:2001", "callee:2002"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
    }

    [Fact]
    public async Task A_refer_to_an_extension_that_is_not_registered_fails_by_notify_and_reconnects_the_parties()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-480");
        Assert.True(h.Engine.TryFindCall("blind-480", out var call));

        Assert.Equal(202, (await callee.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await callee.ReceiveReferNotifyAsync()).Sipfrag);
        var (failed, state) = await callee.ReceiveReferNotifyAsync();
        Assert.Equal("SIP/2.0 480 Temporarily Unavailable", failed);
        Assert.StartsWith("terminated", state);

        await caller.BarrierAsync();
        Assert.Equal(CallState.Talking, call.State);
        Assert.Equal("2002", call.ConnectedParty);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);
        await caller.ByeAsync();
        await callee.ReceiveByeAsync();
        await h.NextEndedAsync();
    }

    [Fact]
    public async Task A_busy_target_is_reported_by_notify_and_the_original_parties_talk_again()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-busy");
        Assert.True(h.Engine.TryFindCall("blind-busy", out var call));

        Assert.Equal(202, (await callee.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await callee.ReceiveReferNotifyAsync()).Sipfrag);
        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        // While the target is dialled, the caller is not bridged to anyone (it hears music on hold).
        await caller.BarrierAsync();
        Assert.Null(call.CallerMedia!.BridgedPeer);
        await h.Third.SendAsync(h.Third.Response(invite, 486, "Busy Here", "target1"));
        await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallIdString == invite.CallIdString);

        var (busy, state) = await callee.ReceiveReferNotifyAsync();
        Assert.Equal("SIP/2.0 486 Busy Here", busy);
        Assert.StartsWith("terminated", state);
        await caller.BarrierAsync();
        Assert.Equal("2002", call.ConnectedParty);
        Assert.Same(call.CalleeMedia, call.CallerMedia.BridgedPeer);

        // A second transfer can start after the first one failed.
        Assert.Equal(202, (await callee.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await callee.ReceiveReferNotifyAsync()).Sipfrag);
        var second = await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CallIdString != invite.CallIdString);
        await h.Third.SendAsync(h.Third.Response(second, 486, "Busy Here", "target2"));
        Assert.Equal("SIP/2.0 486 Busy Here", (await callee.ReceiveReferNotifyAsync()).Sipfrag);

        await callee.ByeAsync();
        await caller.ReceiveByeAsync();
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(HangupSide.Callee, record.HangupSide);
        Assert.Equal(["caller:2001", "callee:2002"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task The_caller_hanging_up_while_the_target_rings_cancels_the_transfer()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-gone");

        Assert.Equal(202, (await callee.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        await h.Third.SendAsync(h.Third.Response(invite, 180, "Ringing", "target1"));
        await caller.ByeAsync();

        var cancel = await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Cancel);
        await h.Third.SendAsync(h.Third.Response(cancel, 200, "OK", "target1"));
        await h.Third.SendAsync(h.Third.Response(invite, 487, "Request Terminated", "target1"));
        await callee.ReceiveByeAsync();
        var ended = await h.NextEndedAsync();
        Assert.Equal(HangupSide.Caller, ended.Record!.HangupSide);
        Assert.Equal(0, h.MediaLegs);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(486)]
    public async Task A_transferor_that_hangs_up_right_after_the_202_leaves_the_transfer_to_complete_or_end_the_call(int targetAnswer)
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-bye-" + targetAnswer);
        Assert.True(h.Engine.TryFindCall("blind-bye-" + targetAnswer, out var call));

        Assert.Equal(202, (await callee.ReferAsync($"<sip:2003@{h.Server}>")).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await callee.ReceiveReferNotifyAsync()).Sipfrag);
        await callee.ByeAsync();
        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        await caller.BarrierAsync();
        Assert.Equal(CallState.Talking, call.State); // the caller waits for the target, hearing music

        if (targetAnswer == 200)
        {
            await h.Third.SendAsync(h.Third.Response(invite, 200, "OK", "target1", h.Third.Sdp));
            Assert.Equal("2003", (await h.NextEventAsync(CallEventTypes.Transferred)).PayloadAs<CallEventPayload>().Party);
            Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);
            await caller.ByeAsync();
            var bye = await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == invite.CallIdString);
            await h.Third.SendAsync(h.Third.Response(bye, 200, "OK", "target1"));
            var record = (await h.NextEndedAsync()).Record!;
            Assert.Equal(["caller:2001", "callee:2002", "transfer-target:2003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        }
        else
        {
            // Nobody can take the caller back: it is hung up rather than left bridged to the gone transferor.
            await h.Third.SendAsync(h.Third.Response(invite, 486, "Busy Here", "target1"));
            await caller.ReceiveByeAsync();
            var record = (await h.NextEndedAsync()).Record!;
            Assert.Equal(486, record.HangupCode);
            Assert.Equal(HangupSide.Callee, record.HangupSide);
            Assert.Equal(0, h.MediaLegs);
        }
    }

    [Fact]
    public async Task A_transfer_by_command_sends_the_leaving_party_a_bye_and_no_notify()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "blind-cmd");
        Assert.True(h.Engine.TryFindCall("blind-cmd", out var call));

        Assert.True((await h.Engine.BlindTransferAsync(call.Id, "2002", "2003")).Succeeded);
        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        await h.Third.SendAsync(h.Third.Response(invite, 200, "OK", "target1", h.Third.Sdp));
        // The first request 2002 gets is the BYE: it never subscribed to a refer, so no NOTIFY comes.
        var first = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method != SipMethod.Ack);
        Assert.Equal(SipMethod.Bye, first.Method);
        await h.Callee.SendAsync(h.Callee.Response(first, 200, "OK", callee.LocalTag));
        Assert.Equal("2003", (await h.NextEventAsync(CallEventTypes.Transferred)).PayloadAs<CallEventPayload>().Party);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);
        await caller.ByeAsync();
    }
}
