using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Blind transfer from a real softphone: baresip 3002, talking to 3001, sends REFER to 3003 ("transfer" command). The
/// server dials 3003 for 3001, bridges them, and 3002 leaves.
/// </summary>
public sealed class BaresipTransferTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Callee_blind_transfers_the_caller_to_a_third_extension_which_talks_to_it_through_our_engine()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Transferred, CallEventTypes.Ended] });
        await using var target = await Phones.RegisteredAsync(server, "3003", BaresipAnswerMode.Auto);
        await using var transferor = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Auto);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var beforeDial = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        var callerUp = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait, beforeDial);
        var transferorUp = await transferor.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);
        var call = Assert.Single(server.Calls.ActiveCalls);

        var response = await transferor.Control.SendCommandAsync("transfer", $"sip:3003@{server.Udp}");
        Assert.True(response.Ok, response.Data);
        var targetUp = await target.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);
        Assert.Contains("3001", targetUp.PeerUri);
        await transferor.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == transferorUp.CallId, Wait, transferorUp.Sequence);

        var transferred = await NextAsync(events);
        Assert.Equal(CallEventTypes.Transferred, transferred.Type);
        var payload = transferred.PayloadAs<CallEventPayload>();
        Assert.Equal(call.Id, payload.CallId);
        Assert.Equal(("3003", "3002"), (payload.Party, payload.By));
        Assert.Equal("3003", call.ConnectedParty);

        // The caller never noticed: same call on its side; RTP flows between it and 3003 through the bridge.
        Assert.DoesNotContain(caller.Control.Events, e => e.Sequence > callerUp.Sequence && e.Type == BaresipEventTypes.CallClosed);
        var calleeMedia = call.CalleeMedia!;
        Assert.Same(calleeMedia, call.CallerMedia!.BridgedPeer);
        long relayedBefore = call.CallerMedia.GetQualityReport().Outbound.Packets;
        await Until(() => calleeMedia.GetQualityReport().Inbound.Packets > 25 && call.CallerMedia.GetQualityReport().Outbound.Packets > relayedBefore + 25,
            "3003's audio relayed to the caller");

        await caller.Control.HangupAsync();
        await target.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == targetUp.CallId, Wait, targetUp.Sequence);
        var ended = await NextAsync(events);
        Assert.Equal(CallEventTypes.Ended, ended.Type);
        var cdr = server.Cdr.Find(call.Id);
        Assert.NotNull(cdr);
        Assert.Equal("3002", cdr.AnsweredBy);
        Assert.Equal(HangupSide.Caller, cdr.HangupSide);
        Assert.Equal(["caller:3001", "callee:3002", "transfer-target:3003"], cdr.Legs.Select(l => $"{l.Role}:{l.Party}"));
        Assert.True(cdr.Legs[2].PacketsReceived > 0, "the target's leg received RTP");
        Assert.Empty(server.Calls.ActiveCalls);
    }

    private static async Task<EventEnvelope> NextAsync(IEventSubscription events)
    {
        using var cts = new CancellationTokenSource(Wait);
        Assert.True(await events.WaitToReadAsync(cts.Token));
        Assert.True(events.TryRead(out var envelope));
        return envelope!;
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
