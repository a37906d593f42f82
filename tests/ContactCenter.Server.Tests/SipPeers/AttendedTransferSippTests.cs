using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Attended transfer and INVITE with Replaces driven by sipp phones over loopback against the running server. Extension
/// 3002 (two sipp twins: call A and consult call B) calls 3001, holds it, consults 3003, and sends REFER on call A whose
/// Refer-To carries Replaces for its dialog of call B; 3001 must end up talking to 3003 through our bridge. The phones
/// answering (3001, 3003) stream their own tones, so the bridge is proven by RTP both ways, not only by our events.
/// </summary>
public sealed class AttendedTransferSippTests
{
    private static readonly TimeSpan Wait = SippPhones.Wait;

    [Fact]
    public async Task A_sipp_phone_completes_an_attended_transfer_and_its_two_parties_talk_to_each_other()
    {
        PeerAvailability.RequireSipp();
        await using var server = new RunningSipServer();
        await using var events = new EventRecorder(server.Bus, new EventFilter { Types = ["call.*"] });
        await using var peers = new SippPhones(server);
        var transferee = await peers.AnsweringPhoneAsync("3001", "transfer_party_uas.xml", toneHz: 440);
        var target = await peers.AnsweringPhoneAsync("3003", "transfer_party_uas.xml", toneHz: 1000);

        // sipp -cid_str without a % keeps the Call-ID fixed (and free of '@', which Replaces would have to escape).
        string callA = $"att-{Guid.NewGuid():N}", callB = callA + "-consult";
        int twinPort = FreePort.Tcp();
        var consult = await peers.ListeningTwinAsync(
            peers.Extension("shared_dialog_uac.xml", "3002", dialled: "3003", "consult", toneHz: 700), twinPort);
        var transferor = peers.ConnectingTwin(
            peers.Extension("attended_transferor_uac.xml", "3002", dialled: "3001", "transferor", toneHz: 600) with
            {
                Keys = new Dictionary<string, string> { ["from"] = "3002", ["target"] = "3003" },
                ExtraArguments = ["-auth_uri", $"3001@{server.Udp}", "-cid_str", callA],
            }, twinPort);

        // The transferor's scenario checks 202, NOTIFY 1xx, NOTIFY "SIP/2.0 200" with the subscription terminated, and
        // our BYE for call A; its twin checks our BYE for call B.
        var referred = await transferor.WaitForExitAsync(Wait);
        Assert.True(referred.Succeeded, referred.Describe());
        var consulted = await consult.WaitForExitAsync(Wait);
        Assert.True(consulted.Succeeded, consulted.Describe());

        Assert.True(server.Calls.TryFindCall(callA, out var call));
        Assert.False(server.Calls.TryFindCall(callB, out _));
        var transferred = await events.WaitForAsync<CallEventPayload>(CallEventTypes.Transferred, p => p.CallId == call.Id, Wait);
        Assert.Equal(("3003", "3002"), (transferred.Party, transferred.By));
        var consultEnded = Assert.Single(events.Payloads<CallEventPayload>(CallEventTypes.Ended));
        Assert.NotEqual(call.Id, consultEnded.CallId);
        Assert.Single(server.Calls.ActiveCalls);

        // 3001 (the callee of call A) and 3003 (now in the transferor's place) are bridged, and each one's tone reaches
        // the other: RTP in on one leg goes out on the other.
        Assert.Equal("3001", call.ConnectedParty);
        var (targetMedia, transfereeMedia) = (call.CallerMedia!, call.CalleeMedia!);
        Assert.Same(transfereeMedia, targetMedia.BridgedPeer);
        long targetIn = targetMedia.GetQualityReport().Inbound.Packets, transfereeOut = transfereeMedia.GetQualityReport().Outbound.Packets;
        long transfereeIn = transfereeMedia.GetQualityReport().Inbound.Packets, targetOut = targetMedia.GetQualityReport().Outbound.Packets;
        await Until(() => targetMedia.GetQualityReport().Inbound.Packets > targetIn + 25 && transfereeMedia.GetQualityReport().Outbound.Packets > transfereeOut + 25
                       && transfereeMedia.GetQualityReport().Inbound.Packets > transfereeIn + 25 && targetMedia.GetQualityReport().Outbound.Packets > targetOut + 25,
            "RTP relayed both ways between 3001 and 3003");
        Assert.Null(transfereeMedia.Endpoint.Playing); // the music 3001 heard while held has stopped

        // Neither answering phone saw anything of the transfer in its dialog; both get our BYE when the call ends.
        Assert.True((await server.Calls.HangUpAsync(call.Id)).Succeeded);
        var transfereeResult = await transferee.WaitForExitAsync(Wait);
        Assert.True(transfereeResult.Succeeded, transfereeResult.Describe());
        var targetResult = await target.WaitForExitAsync(Wait);
        Assert.True(targetResult.Succeeded, targetResult.Describe());

        await events.WaitForAsync<CallEventPayload>(CallEventTypes.Ended, p => p.CallId == call.Id, Wait);
        var record = server.Cdr.Find(call.Id);
        Assert.NotNull(record);
        Assert.Equal(["caller:3002", "callee:3001", "transfer-target:3003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.Equal("3001", record.AnsweredBy);
        Assert.True(record.HoldTime > TimeSpan.Zero);
        Assert.True(record.Legs[2].PacketsReceived > 0, "the target's leg received RTP");
        var consultRecord = server.Cdr.Find(consultEnded.CallId);
        Assert.NotNull(consultRecord);
        Assert.Contains("attended transfer", consultRecord.HangupReason);
        Assert.Equal("3003", consultRecord.AnsweredBy);
    }

    [Fact]
    public async Task A_sipp_phone_takes_over_another_phones_call_with_an_invite_with_replaces()
    {
        PeerAvailability.RequireSipp();
        await using var server = new RunningSipServer();
        await using var events = new EventRecorder(server.Bus, new EventFilter { Types = ["call.*"] });
        await using var peers = new SippPhones(server);
        var callee = await peers.AnsweringPhoneAsync("3001", "transfer_party_uas.xml", toneHz: 440);

        // 3002 calls 3001 and tells its twin, 3003's phone, its dialog; 3003 sends INVITE with Replaces for it.
        string replacing = $"repl-{Guid.NewGuid():N}", replaced = replacing + "-replaced";
        int twinPort = FreePort.Tcp();
        var replacedPhone = await peers.ListeningTwinAsync(
            peers.Extension("shared_dialog_uac.xml", "3002", dialled: "3001", "replaced", toneHz: 600), twinPort);
        var replacingPhone = peers.ConnectingTwin(
            peers.Extension("replacing_invite_uac.xml", "3003", dialled: "3001", "replacing", toneHz: 1000) with
            {
                ExtraArguments = ["-auth_uri", $"3001@{server.Udp}", "-cid_str", replacing],
            }, twinPort);

        // 3002's scenario ends with our BYE for its replaced dialog.
        var left = await replacedPhone.WaitForExitAsync(Wait);
        Assert.True(left.Succeeded, left.Describe());
        Assert.True(server.Calls.TryFindCall(replaced, out var call));
        var transferred = await events.WaitForAsync<CallEventPayload>(CallEventTypes.Transferred, p => p.CallId == call.Id, Wait);
        Assert.Equal(("3003", "3002"), (transferred.Party, transferred.By));
        Assert.Single(server.Calls.ActiveCalls);

        // 3003 sits in 3002's place (the caller's), bridged to 3001, tones flowing both ways.
        Assert.Equal("3001", call.ConnectedParty);
        var (replacingMedia, calleeMedia) = (call.CallerMedia!, call.CalleeMedia!);
        Assert.Same(calleeMedia, replacingMedia.BridgedPeer);
        long replacingIn = replacingMedia.GetQualityReport().Inbound.Packets, calleeOut = calleeMedia.GetQualityReport().Outbound.Packets;
        long calleeIn = calleeMedia.GetQualityReport().Inbound.Packets, replacingOut = replacingMedia.GetQualityReport().Outbound.Packets;
        await Until(() => replacingMedia.GetQualityReport().Inbound.Packets > replacingIn + 25 && calleeMedia.GetQualityReport().Outbound.Packets > calleeOut + 25
                       && calleeMedia.GetQualityReport().Inbound.Packets > calleeIn + 25 && replacingMedia.GetQualityReport().Outbound.Packets > replacingOut + 25,
            "RTP relayed both ways between 3001 and 3003");

        Assert.True((await server.Calls.HangUpAsync(call.Id)).Succeeded);
        var replacingResult = await replacingPhone.WaitForExitAsync(Wait);
        Assert.True(replacingResult.Succeeded, replacingResult.Describe());
        var calleeResult = await callee.WaitForExitAsync(Wait);
        Assert.True(calleeResult.Succeeded, calleeResult.Describe());

        await events.WaitForAsync<CallEventPayload>(CallEventTypes.Ended, p => p.CallId == call.Id, Wait);
        var record = server.Cdr.Find(call.Id);
        Assert.NotNull(record);
        Assert.Equal(["caller:3002", "callee:3001", "transfer-target:3003"], record.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.True(record.Legs[2].PacketsReceived > 0, "the replacing phone's leg received RTP");
    }

    /// <summary>Media flows continuously: there is no single event to await, so live counters are polled.</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
