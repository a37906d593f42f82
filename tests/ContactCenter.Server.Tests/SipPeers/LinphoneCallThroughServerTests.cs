using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// linphonec, a second softphone brand (Linphone's engine: liblinphone/belle-sip/mediastreamer), registering to the
/// running server and taking a call a baresip places through it.
/// </summary>
public sealed class LinphoneCallThroughServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Linphonec_registers_with_digest_and_auto_answers_a_call_from_baresip_through_our_engine()
    {
        PeerAvailability.RequireBaresip();
        PeerAvailability.RequireLinphonec();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await LinphoneProcess.StartAsync(new LinphoneOptions
        {
            User = "3002",
            Password = "pw-3002",
            Registrar = server.Udp.ToString(),
        });
        await callee.WaitForRegistrationAsync(Wait);
        var binding = Assert.Single(server.Location.Lookup("3002"));
        Assert.Contains("Linphone", binding.UserAgent ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains($":{callee.SipPort}", binding.ContactUri);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var beforeDial = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        var callerUp = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait, beforeDial);
        Assert.Contains("3002", callerUp.PeerUri);
        await callee.WaitForCallStreamsRunningAsync(Wait);

        var call = Assert.Single(server.Calls.ActiveCalls);
        Assert.Equal(("3001", "3002"), (call.Caller, call.Callee));
        // baresip's tone reaches linphonec through the engine; linphonec sends RTP back (silence without a sound card).
        await Until(() => call.CallerMedia!.GetQualityReport().Inbound.Packets > 25 && call.CalleeMedia!.GetQualityReport().Outbound.Packets > 25,
            "the caller's RTP relayed to linphonec", callee);
        await Until(() => call.CalleeMedia!.GetQualityReport().Inbound.Packets > 25, "RTP from linphonec", callee);
        Assert.Equal(CallState.Talking, call.State);

        await caller.Control.HangupAsync();
        await caller.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == callerUp.CallId, Wait, callerUp.Sequence);
        await callee.WaitForCallEndAsync(Wait);

        var payload = await Phones.NextEndedAsync(ended);
        Assert.Equal(call.Id, payload.CallId);
        var cdr = server.Cdr.Find(call.Id);
        Assert.NotNull(cdr);
        Assert.Equal(CdrStatus.Completed, cdr.Status);
        Assert.Equal(CallDirection.Internal, cdr.Direction);
        Assert.Equal(("3001", "3002", "3002"), (cdr.Caller, cdr.Callee, cdr.AnsweredBy));
        Assert.Equal(HangupSide.Caller, cdr.HangupSide);
        Assert.True(cdr.TalkTime > TimeSpan.Zero, $"talk time {cdr.TalkTime}");
        Assert.Equal(2, cdr.Legs.Count);
        Assert.All(cdr.Legs, leg => Assert.True(leg.PacketsReceived > 0, $"{leg.Role} received {leg.PacketsReceived} packets"));
        Assert.Empty(server.Calls.ActiveCalls);
    }

    private static async Task Until(Func<bool> condition, string what, LinphoneProcess linphone)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {what}.\n{linphone.Diagnostics()}");
            await Task.Delay(50);
        }
    }
}
