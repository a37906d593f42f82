using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// Attended transfer through the B2BUA: 2001 calls 2002; 2002 holds it and consults 2003 in a second call; 2002's REFER
/// on the first call names its dialog of the consult call in Replaces, and 2001 ends up talking to 2003. Also an INVITE
/// with Replaces (RFC 3891) taking a leg's place.
/// </summary>
public sealed class AttendedTransferTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    private static string Escaped(string value) => Uri.EscapeDataString(value);

    /// <summary>The Refer-To a phone sends to complete an attended transfer: its own dialog of the consult call.</summary>
    private static string ReferToReplacing(CallEngineHarness h, string target, PhoneDialog consult) =>
        $"<sip:{target}@{h.Server}?Replaces={Escaped($"{consult.CallId};to-tag={consult.RemoteTag};from-tag={consult.LocalTag}")}>";

    [Fact]
    public async Task Refer_with_replaces_hands_the_consulted_party_to_the_held_caller_and_both_transferor_dialogs_end()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, transferor) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "att-1");
        Assert.True(h.Engine.TryFindCall("att-1", out var call1));
        Assert.Equal(200, (await transferor.ReInviteAsync(h.Callee.Sdp.Replace("a=sendrecv", "a=sendonly"))).StatusCode);
        Assert.Equal(CallEventTypes.Held, (await h.NextEventAsync(CallEventTypes.Held)).Type);

        var (consult, target) = await PhoneDialog.ConnectAsync(h, h.Callee, h.Third, "att-2");
        Assert.True(h.Engine.TryFindCall("att-2", out var call2));
        Assert.NotSame(call1, call2);
        var targetMedia = call2.CalleeMedia;

        Assert.Equal(202, (await transferor.ReferAsync(ReferToReplacing(h, "2003", consult))).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await transferor.ReceiveReferNotifyAsync()).Sipfrag);
        await consult.ReceiveByeAsync();
        var (done, state) = await transferor.ReceiveReferNotifyAsync();
        Assert.Equal("SIP/2.0 200 OK", done);
        Assert.StartsWith("terminated", state);
        await transferor.ReceiveByeAsync();

        // The consult call is over, with its own record; the target's leg lives on in the first call.
        var consultEnded = await h.NextEndedAsync();
        Assert.Same(call2, consultEnded);
        Assert.Contains("attended transfer", consultEnded.Record!.HangupReason);
        Assert.Equal("2003", consultEnded.Record.AnsweredBy);

        var transferred = await h.NextEventAsync(CallEventTypes.Transferred);
        Assert.Equal(call1.Id, transferred.CallId);
        var payload = transferred.PayloadAs<CallEventPayload>();
        Assert.Equal(("2003", "2002"), (payload.Party, payload.By));
        Assert.Equal("2003", call1.ConnectedParty);
        Assert.Same(targetMedia, call1.CalleeMedia);
        Assert.False(targetMedia!.IsDisposed);
        Assert.Same(targetMedia, call1.CallerMedia!.BridgedPeer);

        // 2003 keeps its dialog (no re-INVITE, no BYE) and hangs up in it: the first call's caller gets the BYE.
        await target.BarrierAsync();
        await target.ByeAsync();
        await caller.ReceiveByeAsync();
        var ended = await h.NextEndedAsync();
        Assert.Same(call1, ended);
        var record = ended.Record!;
        Assert.Equal(HangupSide.Callee, record.HangupSide);
        Assert.Equal(["caller:2001", "callee:2002", "transfer-target:2003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.True(record.HoldTime > TimeSpan.Zero);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task A_consult_call_that_forked_hands_over_a_live_media_leg()
    {
        await using var h = new CallEngineHarness();
        using var secondPhone = new RawSipPeer("2003", h.Server);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        await secondPhone.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, transferor) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "fork-1");
        Assert.True(h.Engine.TryFindCall("fork-1", out var call1));

        // 2003 rings on two phones; the first answers (ConnectAsync), the other is cancelled.
        var (consult, target) = await PhoneDialog.ConnectAsync(h, h.Callee, h.Third, "fork-2");
        var loser = await secondPhone.ReceiveRequestAsync(SipMethod.Invite);
        await secondPhone.SendAsync(secondPhone.Response(loser, 180, "Ringing", "loser"));
        var cancel = await secondPhone.ReceiveRequestAsync(SipMethod.Cancel);
        await secondPhone.SendAsync(secondPhone.Response(cancel, 200, "OK", "loser"));
        await secondPhone.SendAsync(secondPhone.Response(loser, 487, "Request Terminated", "loser"));

        Assert.Equal(202, (await transferor.ReferAsync(ReferToReplacing(h, "2003", consult))).StatusCode);
        await consult.ReceiveByeAsync();
        await transferor.ReceiveByeAsync();
        await h.NextEndedAsync();
        await h.NextEventAsync(CallEventTypes.Transferred);
        await target.BarrierAsync();
        Assert.False(call1.CalleeMedia!.IsDisposed);
        Assert.Same(call1.CalleeMedia, call1.CallerMedia!.BridgedPeer);

        await caller.ByeAsync();
        await target.ReceiveByeAsync();
        Assert.Same(call1, await h.NextEndedAsync());
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task Refer_with_replaces_naming_an_unknown_or_foreign_dialog_fails_and_the_call_goes_on()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var (caller, transferor) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "bad-1");
        Assert.True(h.Engine.TryFindCall("bad-1", out var call1));

        // No such Call-ID.
        Assert.Equal(481, (await transferor.ReferAsync($"<sip:2003@{h.Server}?Replaces=nope%3Bto-tag%3D1%3Bfrom-tag%3D2>")).StatusCode);
        // Its own call.
        Assert.Equal(481, (await transferor.ReferAsync(ReferToReplacing(h, "2003", transferor))).StatusCode);
        // A Replaces without tags.
        Assert.Equal(400, (await transferor.ReferAsync($"<sip:2003@{h.Server}?Replaces=bad-1>")).StatusCode);

        // Somebody else's call (2001 calls 2003): the right Call-ID but not 2002's dialog.
        var (other, _) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Third, "bad-2");
        Assert.Equal(202, (await transferor.ReferAsync(ReferToReplacing(h, "2003", other))).StatusCode);
        Assert.Equal("SIP/2.0 100 Trying", (await transferor.ReceiveReferNotifyAsync()).Sipfrag);
        var (failed, state) = await transferor.ReceiveReferNotifyAsync();
        Assert.StartsWith("SIP/2.0 481", failed);
        Assert.StartsWith("terminated", state);
        await caller.BarrierAsync();
        Assert.Equal("2002", call1.ConnectedParty);
        Assert.Same(call1.CalleeMedia, call1.CallerMedia!.BridgedPeer);
        Assert.True(h.Engine.TryFindCall("bad-2", out var call2));
        Assert.Equal(CallState.Talking, call2.State);
    }

    [Fact]
    public async Task An_invite_with_replaces_takes_the_named_legs_place_and_the_replaced_phone_gets_bye()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "repl-1");
        Assert.True(h.Engine.TryFindCall("repl-1", out var call));

        // 2003 takes 2002's place: Replaces names 2002's dialog with us as we see it (to-tag ours, from-tag 2002's).
        var replaces = $"{callee.CallId};to-tag={callee.RemoteTag};from-tag={callee.LocalTag}";
        await h.Third.SendAsync(ReplacingInvite(h, "repl-2", replaces));
        var ok = await h.Third.ReceiveFinalAsync(SipMethod.Invite, "repl-2");
        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("m=audio", Encoding.UTF8.GetString(ok.Body.Span));
        await callee.ReceiveByeAsync();
        await h.Third.SendAsync(
            $"ACK {ok.GetHeaderString(HeaderId.Contact)!.Trim('<', '>')} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{h.Third.Port};rport;branch={Branch()}\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:2003@{h.Server}>;tag=r-repl-2\r\nTo: {ok.GetHeaderString(HeaderId.To)}\r\nCall-ID: repl-2\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");

        var payload = (await h.NextEventAsync(CallEventTypes.Transferred)).PayloadAs<CallEventPayload>();
        Assert.Equal(("2003", "2002"), (payload.Party, payload.By));
        await caller.BarrierAsync();
        Assert.Equal("2003", call.ConnectedParty);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);

        // The replaced dialog is gone: a second INVITE naming it gets 481.
        await h.Third.SendAsync(ReplacingInvite(h, "repl-3", replaces));
        Assert.Equal(481, (await h.Third.ReceiveFinalAsync(SipMethod.Invite, "repl-3")).StatusCode);

        await caller.ByeAsync();
        var bye = await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == "repl-2");
        await h.Third.SendAsync(h.Third.Response(bye, 200, "OK", "r-repl-2"));
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(["caller:2001", "callee:2002", "transfer-target:2003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.Equal(0, h.MediaLegs);
    }

    [Theory]
    [InlineData("no-such-call;to-tag=a;from-tag=b")]
    [InlineData("CALLEE;to-tag=wrong;from-tag=FROM")]
    [InlineData("CALLEE;to-tag=TO;from-tag=wrong")]
    [InlineData("CALLEE;to-tag=FROM;from-tag=TO")]
    [InlineData("CALLEE")]
    public async Task An_invite_with_replaces_for_an_unknown_dialog_gets_481_and_the_call_goes_on(string template)
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var (caller, callee) = await PhoneDialog.ConnectAsync(h, h.Caller, h.Callee, "r481");
        Assert.True(h.Engine.TryFindCall("r481", out var call));
        var replaces = template.Replace("CALLEE", callee.CallId).Replace("TO", callee.RemoteTag).Replace("FROM", callee.LocalTag);

        await h.Third.SendAsync(ReplacingInvite(h, "r481-x", replaces));
        Assert.Equal(481, (await h.Third.ReceiveFinalAsync(SipMethod.Invite, "r481-x")).StatusCode);
        await caller.BarrierAsync();
        Assert.Equal("2002", call.ConnectedParty);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);
        Assert.Single(h.Engine.ActiveCalls);
    }

    private static string ReplacingInvite(CallEngineHarness h, string callId, string replaces)
    {
        var sdp = h.Third.Sdp;
        return $"INVITE sip:2001@{h.Server} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{h.Third.Port};rport;branch={Branch()}\r\n" +
               $"Max-Forwards: 70\r\nFrom: <sip:2003@{h.Server}>;tag=r-{callId}\r\nTo: <sip:2001@{h.Server}>\r\nCall-ID: {callId}\r\n" +
               $"CSeq: 1 INVITE\r\nContact: {h.Third.Contact}\r\nReplaces: {replaces}\r\nRequire: replaces\r\n" +
               $"Content-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}";
    }
}
