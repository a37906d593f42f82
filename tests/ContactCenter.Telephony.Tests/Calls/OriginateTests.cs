using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>Click-to-dial: the engine calls the extension (auto-answer headers), then the destination, and bridges them.</summary>
public sealed class OriginateTests
{
    [Fact]
    public async Task Originate_calls_the_extension_with_auto_answer_headers_then_the_destination_and_bridges_them()
    {
        await using var h = new CallEngineHarness();
        await h.Caller.RegisterAsync("pw-2001", CallEngineHarness.Realm);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        var started = await h.Engine.OriginateAsync("2001", "2002", AnswerMode.Automatic);
        Assert.True(started.Succeeded, started.Message);
        Assert.NotNull(started.CallId);

        var first = await h.Caller.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("answer-after=0", first.GetHeaderString(HeaderId.CallInfo));
        Assert.Contains("info=alert-autoanswer", first.GetHeaderString(HeaderId.AlertInfo));
        await h.Caller.SendAsync(h.Caller.Response(first, 200, "OK", "agent1", h.Caller.Sdp));
        await h.Caller.ReceiveRequestAsync(SipMethod.Ack);

        var second = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Null(second.GetHeaderString(HeaderId.CallInfo));
        Assert.Contains("sip:2001@", second.GetHeaderString(HeaderId.From));
        await h.Callee.SendAsync(h.Callee.Response(second, 200, "OK", "dest1", h.Callee.Sdp));
        await h.Callee.ReceiveRequestAsync(SipMethod.Ack);

        var call = h.Engine.FindCall(started.CallId!)!;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (call.State != CallState.Talking && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(CallState.Talking, call.State);
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);

        Assert.True((await h.Engine.HangUpAsync(call.Id)).Succeeded);
        await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
        await h.Callee.ReceiveRequestAsync(SipMethod.Bye);
        var ended = await h.NextEndedAsync();
        Assert.Equal("2001", ended.Record!.Caller);
        Assert.Equal("2002", ended.Record.AnsweredBy);
        Assert.Equal(2, ended.Record.Legs.Count);
    }

    [Fact]
    public async Task Originate_refuses_unknown_unregistered_and_unroutable_with_codes()
    {
        await using var h = new CallEngineHarness();
        Assert.Equal("extension_not_found", (await h.Engine.OriginateAsync("9999", "2002")).Code);
        Assert.Equal("extension_not_registered", (await h.Engine.OriginateAsync("2001", "2002")).Code);
        await h.Caller.RegisterAsync("pw-2001", CallEngineHarness.Realm);
        Assert.Equal("destination_not_found", (await h.Engine.OriginateAsync("2001", "55119999")).Code);
        Assert.Empty(h.Engine.ActiveCalls);
    }

    [Fact]
    public async Task A_busy_destination_hangs_up_the_extension_and_records_486()
    {
        await using var h = new CallEngineHarness();
        await h.Caller.RegisterAsync("pw-2001", CallEngineHarness.Realm);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        var started = await h.Engine.OriginateAsync("2001", "2002", AnswerMode.Manual);
        var first = await h.Caller.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Null(first.GetHeaderString(HeaderId.CallInfo));
        await h.Caller.SendAsync(h.Caller.Response(first, 200, "OK", "agent1", h.Caller.Sdp));
        var second = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(second, 486, "Busy Here", "dest1"));
        await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
        var ended = await h.NextEndedAsync();
        Assert.Equal(started.CallId, ended.Id);
        Assert.Equal(486, ended.Record!.HangupCode);
        Assert.Equal(HangupSide.Callee, ended.Record.HangupSide);
    }
}
