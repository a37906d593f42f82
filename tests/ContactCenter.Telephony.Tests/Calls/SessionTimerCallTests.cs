using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>Session timers (RFC 4028) on calls: negotiated from the caller's INVITE, refreshed, and a dead call reaped.</summary>
public sealed class SessionTimerCallTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    private static async Task<SipMessage> ConnectAsync(CallEngineHarness h, string callId, string sessionExpires)
    {
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.InviteFrom(h.Caller, "2001", "2002", callId, Branch(),
            headers: $"Supported: timer\r\nSession-Expires: {sessionExpires}\r\n"));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        await h.Callee.ReceiveRequestAsync(SipMethod.Ack);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, callId);
        Assert.Equal(200, ok.StatusCode);
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        // The engine's clock is fake: advancing it before the ACK is processed would fire the 200's ACK timeout first.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (h.Engine.ActiveCalls.FirstOrDefault()?.State != CallState.Talking && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.Equal(CallState.Talking, h.Engine.ActiveCalls.Single().State);
        return ok;
    }

    [Fact]
    public async Task A_caller_that_never_refreshes_is_hung_up_when_the_session_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new CallEngineHarness(engineTime: time);
        var ok = await ConnectAsync(h, "st1", "120;refresher=uac");
        Assert.Equal("120;refresher=uac", ok.GetHeaderString(HeaderId.SessionExpires));
        Assert.Contains("timer", ok.GetHeaderString(HeaderId.Require));

        time.Advance(TimeSpan.FromSeconds(80)); // expiry is at 120 - 32 = 88 s
        await h.Caller.AssertSilentAsync(TimeSpan.FromMilliseconds(200), m => !(m.IsRequest && m.Method == SipMethod.Bye));
        time.Advance(TimeSpan.FromSeconds(10));
        await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(408, record.HangupCode);
        Assert.Contains("session timer expired", record.HangupReason);
        Assert.Equal(HangupSide.System, record.HangupSide);
    }

    [Fact]
    public async Task An_interval_below_min_se_is_422_with_our_min_se()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.InviteFrom(h.Caller, "2001", "2002", "st2", Branch(), headers: "Supported: timer\r\nSession-Expires: 60\r\n"));
        var refused = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "st2");
        Assert.Equal(422, refused.StatusCode);
        Assert.Equal("90", refused.GetHeaderString(HeaderId.MinSE));
    }

    [Fact]
    public async Task When_we_refresh_a_reinvite_goes_out_at_half_the_interval_and_its_answer_keeps_the_call_alive()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var h = new CallEngineHarness(engineTime: time);
        var ok = await ConnectAsync(h, "st3", "120;refresher=uas");
        Assert.Equal("120;refresher=uas", ok.GetHeaderString(HeaderId.SessionExpires));

        time.Advance(TimeSpan.FromSeconds(61));
        var refresh = await h.Caller.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("120", refresh.GetHeaderString(HeaderId.SessionExpires));
        Assert.Contains("m=audio", System.Text.Encoding.UTF8.GetString(refresh.Body.Span));
        await h.Caller.SendAsync(h.Caller.Response(refresh, 200, "OK", "caller1", h.Caller.Sdp));
        await h.Caller.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CSeq == refresh.CSeq);

        // The refresh restarted the timer: past the first expiry (88 s) the call is still up.
        time.Advance(TimeSpan.FromSeconds(40));
        await h.Caller.AssertSilentAsync(TimeSpan.FromMilliseconds(200), m => !(m.IsRequest && m.Method == SipMethod.Bye));
        Assert.Single(h.Engine.ActiveCalls);
    }
}
