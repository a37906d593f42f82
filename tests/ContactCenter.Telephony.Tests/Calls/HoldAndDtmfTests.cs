using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// Hold from the phone (re-INVITE sendonly) and by engine command, music on hold to the other party, retrieve, SIP INFO
/// DTMF, against hand-driven peers.
/// </summary>
public sealed class HoldAndDtmfTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    /// <summary>2001 calls 2002, both answer and ACK: the call is talking.</summary>
    private static async Task<Connected> ConnectAsync(CallEngineHarness h, string callId)
    {
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", callId, Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        await h.Callee.ReceiveRequestAsync(SipMethod.Ack);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, callId);
        Assert.Equal(200, ok.StatusCode);
        var connected = new Connected(invite, ok.GetHeaderString(HeaderId.Contact)!.Trim('<', '>'), ok.GetHeaderString(HeaderId.To)!, callId);
        await h.Caller.SendAsync(CallerRequest(h, connected, "ACK", 1));
        var call = await WaitForAsync(() => h.Engine.ActiveCalls.FirstOrDefault(c => c.State == CallState.Talking));
        return connected with { Call = call };
    }

    [Fact]
    public async Task Hold_from_the_callee_plays_music_to_the_caller_and_retrieve_reconnects_them()
    {
        await using var h = new CallEngineHarness();
        var c = await ConnectAsync(h, "hold1");
        var call = c.Call!;
        Assert.Same(call.CalleeMedia, call.CallerMedia!.BridgedPeer);

        await h.Callee.SendAsync(CalleeRequest(h, c, "INVITE", 2, h.Callee.Sdp.Replace("a=sendrecv", "a=sendonly")));
        var held = await h.Callee.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeq == 2);
        Assert.Equal(200, held.StatusCode);
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(held.Body.Span));
        await h.Callee.SendAsync(CalleeRequest(h, c, "ACK", 2));
        await WaitForAsync(() => call.CallerMedia!.Endpoint.Playing);
        Assert.Null(call.CallerMedia!.BridgedPeer);

        await h.Callee.SendAsync(CalleeRequest(h, c, "INVITE", 3, h.Callee.Sdp));
        var retrieved = await h.Callee.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeq == 3);
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(retrieved.Body.Span));
        await h.Callee.SendAsync(CalleeRequest(h, c, "ACK", 3));
        await WaitForAsync(() => call.CallerMedia!.BridgedPeer);
        Assert.Null(call.CallerMedia!.Endpoint.Playing);
        Assert.Same(call.CalleeMedia, call.CallerMedia.BridgedPeer);

        await h.Caller.SendAsync(CallerRequest(h, c, "BYE", 2));
        await h.Callee.ReceiveRequestAsync(SipMethod.Bye);
        var ended = await h.NextEndedAsync();
        Assert.True(ended.Record!.HoldTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Hold_by_command_reoffers_sendonly_plays_music_to_that_party_and_retrieve_resumes()
    {
        await using var h = new CallEngineHarness();
        var c = await ConnectAsync(h, "hold2");
        var call = c.Call!;

        var result = await h.Engine.HoldAsync(call.Id, "2002");
        Assert.True(result.Succeeded, result.Message);
        var reInvite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("a=sendonly", Encoding.UTF8.GetString(reInvite.Body.Span));
        await h.Callee.SendAsync(h.Callee.Response(reInvite, 200, "OK", "callee1", h.Callee.Sdp.Replace("a=sendrecv", "a=recvonly")));
        var ack = await h.Callee.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(reInvite.CSeq, ack.CSeq);
        Assert.NotNull(call.CalleeMedia!.Endpoint.Playing);

        var again = await h.Engine.HoldAsync(call.Id, "2002");
        Assert.Equal("invalid_call_state", again.Code);
        Assert.Equal("party_not_found", (await h.Engine.HoldAsync(call.Id, "9999")).Code);
        Assert.Equal("call_not_found", (await h.Engine.HoldAsync("nope", "2002")).Code);

        Assert.True((await h.Engine.RetrieveAsync(call.Id, "2002")).Succeeded);
        var resume = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CSeq > reInvite.CSeq);
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(resume.Body.Span));
        await h.Callee.SendAsync(h.Callee.Response(resume, 200, "OK", "callee1", h.Callee.Sdp));
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CSeq == resume.CSeq);
        Assert.Null(call.CalleeMedia.Endpoint.Playing);
        Assert.Same(call.CallerMedia, call.CalleeMedia.BridgedPeer);

        Assert.True((await h.Engine.HangUpAsync(call.Id)).Succeeded);
        await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
        Assert.Equal(200, (await h.NextEndedAsync()).Record!.HangupCode);
    }

    [Fact]
    public async Task Retrieve_while_the_hold_reinvite_is_pending_waits_for_it_and_then_sends_the_resume()
    {
        await using var h = new CallEngineHarness();
        var c = await ConnectAsync(h, "hold3");
        var call = c.Call!;
        Assert.True((await h.Engine.HoldAsync(call.Id, "2002")).Succeeded);
        var hold = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        // The phone has not answered the hold yet: one re-INVITE at a time, so the resume must wait (no 500, no glare).
        Assert.True((await h.Engine.RetrieveAsync(call.Id, "2002")).Succeeded);
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(200), m => !(m.IsRequest && m.Method == SipMethod.Invite));

        await h.Callee.SendAsync(h.Callee.Response(hold, 200, "OK", "callee1", h.Callee.Sdp.Replace("a=sendrecv", "a=recvonly")));
        var resume = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CSeq > hold.CSeq);
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(resume.Body.Span));
        await h.Callee.SendAsync(h.Callee.Response(resume, 200, "OK", "callee1", h.Callee.Sdp));
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CSeq == resume.CSeq);
        Assert.Same(call.CallerMedia, call.CalleeMedia!.BridgedPeer);
    }

    [Fact]
    public async Task Info_dtmf_is_accepted_and_an_unknown_info_body_is_415()
    {
        await using var h = new CallEngineHarness();
        var c = await ConnectAsync(h, "info1");
        await h.Caller.SendAsync(CallerRequest(h, c, "INFO", 2, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay"));
        Assert.Equal(200, (await h.Caller.ReceiveAsync(m => m.IsResponse && m.CSeq == 2)).StatusCode);
        await h.Caller.SendAsync(CallerRequest(h, c, "INFO", 3, "<x/>", "application/media_control+xml"));
        var refused = await h.Caller.ReceiveAsync(m => m.IsResponse && m.CSeq == 3);
        Assert.Equal(415, refused.StatusCode);
        Assert.Contains("application/dtmf-relay", refused.GetHeaderString(HeaderId.Accept));
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("application/dtmf-relay", "duration=250\nsignal=#", '#', 250)]
    [InlineData("application/dtmf-relay", "Signal=11\r\nDuration=10", '#', 40)]
    [InlineData("application/dtmf", "*", '*', 160)]
    [InlineData("application/DTMF-Relay", "Signal=a", 'A', 160)]
    public void Info_dtmf_bodies_parse(string type, string body, char digit, int duration)
    {
        Assert.True(Call.TryParseDtmfInfo(type, body, out var d, out var ms));
        Assert.Equal(digit, d);
        Assert.Equal(duration, ms);
    }

    [Theory]
    [InlineData("application/dtmf-relay", "Signal=X")]
    [InlineData("application/dtmf-relay", "Duration=100")]
    [InlineData("application/dtmf", "12")]
    [InlineData("text/plain", "5")]
    public void Info_bodies_that_are_not_one_digit_are_refused(string type, string body) =>
        Assert.False(Call.TryParseDtmfInfo(type, body, out _, out _));

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value) return value;
            await Task.Delay(10);
        }
        throw new TimeoutException("condition not reached within 5 s");
    }

    private static string CallerRequest(CallEngineHarness h, Connected c, string method, int cseq, string body = "", string type = "application/sdp") =>
        $"{method} {c.OurContactForCaller} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{h.Caller.Port};rport;branch={Branch()}\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:2001@{h.Server}>;tag=caller1\r\nTo: {c.CallerTo}\r\nCall-ID: {c.CallerCallId}\r\nCSeq: {cseq} {method}\r\n" +
        $"Contact: {h.Caller.Contact}\r\n" + (body.Length > 0 ? $"Content-Type: {type}\r\n" : "") +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private static string CalleeRequest(CallEngineHarness h, Connected c, string method, int cseq, string body = "")
    {
        var invite = c.CalleeInvite;
        return $"{method} {invite.GetHeaderString(HeaderId.Contact)!.Trim('<', '>')} SIP/2.0\r\n" +
               $"Via: SIP/2.0/UDP 127.0.0.1:{h.Callee.Port};rport;branch={Branch()}\r\nMax-Forwards: 70\r\n" +
               $"From: {invite.GetHeaderString(HeaderId.To)};tag=callee1\r\nTo: {invite.GetHeaderString(HeaderId.From)}\r\n" +
               $"Call-ID: {invite.CallIdString}\r\nCSeq: {cseq} {method}\r\nContact: {h.Callee.Contact}\r\n" +
               (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
               $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
    }

    private sealed record Connected(SipMessage CalleeInvite, string OurContactForCaller, string CallerTo, string CallerCallId)
    {
        public Call? Call { get; init; }
    }
}
