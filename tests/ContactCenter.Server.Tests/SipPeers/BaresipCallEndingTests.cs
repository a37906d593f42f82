using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The ways a call between two baresip extensions ends other than the caller's BYE: the callee's BYE, the caller's
/// CANCEL while ringing, the callee declining, and nobody answering.
/// </summary>
public sealed class BaresipCallEndingTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Callee_hangs_up_an_answered_call()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Auto);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var before = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        var callerUp = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait, before);
        var calleeUp = await callee.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);

        await callee.Control.HangupAsync();
        await callee.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, calleeUp.Sequence);
        await caller.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, callerUp.Sequence);

        var cdr = (await Phones.NextEndedAsync(ended)).Cdr!;
        Assert.Equal(HangupSide.Callee, cdr.HangupSide);
        Assert.Equal("3002", cdr.AnsweredBy);
        Assert.Empty(server.Calls.ActiveCalls);
    }

    [Fact]
    public async Task Caller_cancels_while_the_callee_rings()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Manual);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var before = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        var incoming = await callee.Control.WaitForEventAsync(BaresipEventTypes.CallIncoming, Wait);
        await caller.Control.WaitForEventAsync(BaresipEventTypes.CallRinging, Wait, before);

        await caller.Control.HangupAsync();
        await caller.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, before);
        await callee.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, incoming.Sequence);

        var cdr = (await Phones.NextEndedAsync(ended)).Cdr!;
        Assert.Equal(HangupSide.Caller, cdr.HangupSide);
        Assert.Equal(487, cdr.HangupCode);
        Assert.NotNull(cdr.RingingAt);
        Assert.Null(cdr.AnsweredBy);
        Assert.Null(cdr.TalkTime);
    }

    [Fact]
    public async Task Callee_declining_is_relayed_to_the_caller()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Manual);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var before = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        await callee.Control.WaitForEventAsync(BaresipEventTypes.CallIncoming, Wait);
        await callee.Control.HangupAsync();
        var closed = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, before);

        var cdr = (await Phones.NextEndedAsync(ended)).Cdr!;
        Assert.Equal(HangupSide.Callee, cdr.HangupSide);
        Assert.InRange(cdr.HangupCode!.Value, 400, 699);
        Assert.Contains(cdr.HangupCode.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), closed.Parameter);
    }

    [Fact]
    public async Task Nobody_answering_ends_with_480_and_a_cancel_to_the_callee()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer(new Dictionary<string, string?> { ["ContactCenter:Calls:NoAnswerTimeout"] = "00:00:02" });
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.Ended] });
        await using var callee = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Manual);
        await using var caller = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Manual);

        var before = caller.Control.LastEventSequence;
        await caller.Control.DialAsync($"sip:3002@{server.Udp}");
        var incoming = await callee.Control.WaitForEventAsync(BaresipEventTypes.CallIncoming, Wait);
        var closed = await caller.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, before);
        Assert.Contains("480", closed.Parameter);
        await callee.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Wait, incoming.Sequence);

        var cdr = (await Phones.NextEndedAsync(ended)).Cdr!;
        Assert.Equal(HangupSide.System, cdr.HangupSide);
        Assert.Equal(480, cdr.HangupCode);
        // The timer runs on the monotonic clock and the CDR stamps come from the wall clock: they may differ by a few ms.
        Assert.True(cdr.EndedAt - cdr.StartedAt >= TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(50), $"ended after {cdr.EndedAt - cdr.StartedAt}");
    }
}
