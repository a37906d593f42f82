using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Two baresip softphones calling each other through the running server: the call engine answers one and invites the
/// other, with the media of both anchored in our media engine.
/// </summary>
public sealed class BaresipCallThroughServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Extension_calls_extension_with_media_through_our_engine_and_the_caller_hangs_up()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Auto);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var beforeDial = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        var callerUp = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait, beforeDial);
        var calleeUp = await callee.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);
        Assert.Contains("3002", callerUp.PeerUri);
        Assert.Contains("3001", calleeUp.PeerUri);

        // RTP both ways through our two legs: each leg receives its phone's tone.
        var call = Assert.Single(server.Calls.ActiveCalls);
        Assert.Equal("3001", call.Caller);
        Assert.Equal("3002", call.Callee);
        await Until(() => call.CallerMedia!.GetQualityReport().Inbound.Packets > 25 && call.CalleeMedia!.GetQualityReport().Inbound.Packets > 25,
            "RTP from both phones through the engine");
        Assert.Equal(CallState.Talking, call.State);
        Assert.True(call.CallerMedia!.GetQualityReport().Outbound.Packets > 0, "the engine relays the callee's audio to the caller");
        Assert.True(call.CalleeMedia!.GetQualityReport().Outbound.Packets > 0, "the engine relays the caller's audio to the callee");

        await caller.Control.HangupAsync();
        await caller.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == callerUp.CallId, Wait, callerUp.Sequence);
        await callee.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == calleeUp.CallId, Wait, calleeUp.Sequence);

        var payload = await Phones.NextEndedAsync(ended);
        Assert.Equal(call.Id, payload.CallId);
        var cdr = server.Cdr.Find(call.Id);
        Assert.NotNull(cdr);
        Assert.Equal(CdrStatus.Completed, cdr.Status);
        Assert.Equal("3001", cdr.Caller);
        Assert.Equal("3002", cdr.Callee);
        Assert.Equal("3002", cdr.AnsweredBy);
        Assert.Equal(HangupSide.Caller, cdr.HangupSide);
        Assert.True(cdr.TalkTime > TimeSpan.Zero, $"talk time {cdr.TalkTime}");
        Assert.Equal(2, cdr.Legs.Count);
        Assert.All(cdr.Legs, leg => Assert.True(leg.PacketsReceived > 0, $"{leg.Role} received {leg.PacketsReceived} packets"));
        Assert.Empty(server.Calls.ActiveCalls);
        Assert.True(call.Ended.IsCompleted);
    }

    [Fact]
    public async Task Unknown_number_is_404_and_a_known_but_unregistered_extension_is_480()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var before = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:9999@{server.Udp}");
        var closed = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, before);
        Assert.Contains("404", closed.Parameter);
        var notFound = await Phones.NextEndedAsync(ended);
        Assert.Equal(404, notFound.Cdr!.HangupCode);
        Assert.Null(notFound.Cdr.AnsweredBy);

        before = closed.Sequence;
        await caller.Control.DialAsync($"sip:3004@{server.Udp}");
        closed = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, before);
        Assert.Contains("480", closed.Parameter);
        var unavailable = await Phones.NextEndedAsync(ended);
        Assert.Equal(480, unavailable.Cdr!.HangupCode);
        Assert.Equal("3004", server.Cdr.Find(unavailable.CallId)!.Callee);
    }

    /// <summary>Waits for a condition on live counters (media flows continuously; there is no single event to await).</summary>
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
