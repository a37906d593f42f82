using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>An INVITE without SDP (delayed offer): our offer goes in the 200, the caller's answer comes in the ACK.</summary>
public sealed class DelayedOfferTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_offerless_invite_gets_our_offer_in_the_200_and_the_ack_must_answer_it(bool answerInAck)
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "late1", Branch(), sdp: false));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("m=audio", Encoding.UTF8.GetString(invite.Body.Span)); // the callee still gets an offer from us
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "late1");
        Assert.Equal(200, ok.StatusCode);
        var offer = Encoding.UTF8.GetString(ok.Body.Span);
        Assert.Contains("m=audio", offer);
        Assert.Contains("PCMU", offer);

        var ack = h.InDialog(h.Caller, "2001", "ACK", ok, 1);
        if (answerInAck)
        {
            var sdp = h.Caller.Sdp;
            ack = ack.Replace("Content-Length: 0\r\n\r\n", $"Content-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
        }
        await h.Caller.SendAsync(ack);
        if (answerInAck)
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (h.Engine.ActiveCalls.FirstOrDefault()?.State != CallState.Talking && DateTime.UtcNow < deadline) await Task.Delay(10);
            var call = Assert.Single(h.Engine.ActiveCalls);
            Assert.Equal(CallState.Talking, call.State);
            Assert.NotNull(call.CallerMedia!.Media);
        }
        else
        {
            // No answer in the ACK: no media can flow, so the call is ended on both sides.
            await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
            await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
            Assert.Equal(488, (await h.NextEndedAsync()).Record!.HangupCode);
        }
    }
}
