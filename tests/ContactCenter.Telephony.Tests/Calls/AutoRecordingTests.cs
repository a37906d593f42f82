using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>Automatic recording (SIP-08): by extension (made or taken) and by the service a DID routes to.</summary>
public sealed class AutoRecordingTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_call_taken_by_a_recorded_extension_is_recorded_from_the_answer()
    {
        await using var h = new CallEngineHarness(recordsExtension: n => n == "2002");
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "rec1", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "rec1");
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        var started = await h.NextEventAsync(CallEventTypes.RecordingStarted);
        var recordingId = started.PayloadAs<CallEventPayload>().RecordingId!;

        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "BYE", ok, 2));
        var ended = await h.NextEndedAsync();
        Assert.Equal([recordingId], ended.Record!.RecordingIds);
        var files = Directory.GetFiles(h.RecordingDirectory, recordingId + ".wav", SearchOption.AllDirectories);
        var file = Assert.Single(files);
        var relative = Path.GetRelativePath(h.RecordingDirectory, file).Replace('\\', '/');
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\.wav$", relative);
    }

    [Fact]
    public async Task A_call_between_extensions_that_do_not_record_is_not_recorded()
    {
        await using var h = new CallEngineHarness(recordsExtension: n => n == "2003");
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "rec2", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "rec2");
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "BYE", ok, 2));
        Assert.Empty((await h.NextEndedAsync()).Record!.RecordingIds);
    }

    [Fact]
    public async Task A_trunk_call_to_a_recorded_service_is_recorded()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h,
            new ServiceConfig { Name = "support", Extensions = ["2002"], Record = true }));
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "2125551234", "2125550199", "rec3", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ok = await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, "rec3");
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "ACK", ok, 1));
        await h.NextEventAsync(CallEventTypes.RecordingStarted);
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "BYE", ok, 2));
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal("support", record.ServiceId);
        Assert.Single(record.RecordingIds);
    }
}
