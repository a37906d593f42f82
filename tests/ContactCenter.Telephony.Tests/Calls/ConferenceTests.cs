using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>Conference by command: dial a participant in, merge a consult call, drop participants.</summary>
public sealed class ConferenceTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    /// <summary><paramref name="from"/> calls <paramref name="to"/> and both answer: the call is talking.</summary>
    private static async Task<Call> ConnectAsync(CallEngineHarness h, RawSipPeer from, RawSipPeer to, string callId)
    {
        await from.SendAsync(h.InviteFrom(from, from.User, to.User, callId, Branch()));
        var invite = await to.ReceiveRequestAsync(SipMethod.Invite);
        await to.SendAsync(to.Response(invite, 200, "OK", "t-" + callId, to.Sdp));
        await to.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Ack && m.CallIdString == invite.CallIdString);
        var ok = await from.ReceiveFinalAsync(SipMethod.Invite, callId);
        Assert.Equal(200, ok.StatusCode);
        await from.SendAsync(h.InDialog(from, from.User, "ACK", ok, 1));
        return await WaitForAsync(() => h.Engine.ActiveCalls.FirstOrDefault(c => c.State == CallState.Talking && c.Caller == from.User && c.Callee == to.User));
    }

    [Fact]
    public async Task A_participant_dialled_in_hears_the_mix_and_dropping_down_to_one_ends_the_call()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var call = await ConnectAsync(h, h.Caller, h.Callee, "conf1");

        Assert.True((await h.Engine.AddParticipantAsync(call.Id, "2003", "2002")).Succeeded);
        var invite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        await h.Third.SendAsync(h.Third.Response(invite, 200, "OK", "third1", h.Third.Sdp));
        await h.Third.ReceiveRequestAsync(SipMethod.Ack);
        await WaitForAsync(() => call.ConferenceParties.Count == 3 ? call.ConferenceParties : null);
        Assert.Equal(["2001", "2002", "2003"], call.ConferenceParties.Order());
        Assert.NotNull(call.CallerMedia!.Conference);
        Assert.Null(call.CallerMedia.BridgedPeer);
        var conferenced = await h.NextEventAsync(CallEventTypes.Conferenced);
        Assert.Equal(call.Id, conferenced.CallId);

        Assert.True((await h.Engine.DropParticipantAsync(call.Id, "2003")).Succeeded);
        await h.Third.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Equal(CallState.Talking, call.State);
        Assert.Equal("party_not_found", (await h.Engine.DropParticipantAsync(call.Id, "2003")).Code);

        Assert.True((await h.Engine.DropParticipantAsync(call.Id, "2002")).Succeeded);
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye);
        await h.Caller.ReceiveRequestAsync(SipMethod.Bye);
        var ended = await h.NextEndedAsync();
        Assert.Equal(3, ended.Record!.Legs.Count);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task Merging_a_consult_call_moves_its_far_party_into_a_three_way_conference()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        var customerCall = await ConnectAsync(h, h.Caller, h.Callee, "main1");
        var consult = await ConnectAsync(h, h.Callee, h.Third, "consult1");

        Assert.Equal("call_not_found", (await h.Engine.ConferenceAsync(customerCall.Id, "nope", "2002")).Code);
        Assert.True((await h.Engine.ConferenceAsync(customerCall.Id, consult.Id, "2002")).Succeeded);
        // 2002's consult dialog (it called 2003 on Call-ID consult1) is hung up; the consult call ends.
        var bye = await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == "consult1");
        await h.Callee.SendAsync(h.Callee.Response(bye, 200, "OK", "x"));
        await consult.Ended.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitForAsync(() => customerCall.ConferenceParties.Count == 3 ? customerCall.ConferenceParties : null);
        Assert.Contains("2003", customerCall.ConferenceParties);

        // 2003 hangs up in its dialog (still the one it had with us): 2001 and 2002 stay, now a two-party conference,
        // and when 2001 leaves the call ends.
        Assert.True((await h.Engine.DropParticipantAsync(customerCall.Id, "2003")).Succeeded);
        await h.Third.ReceiveRequestAsync(SipMethod.Bye);
        Assert.True((await h.Engine.HangUpAsync(customerCall.Id)).Succeeded);
        await customerCall.Ended.WaitAsync(TimeSpan.FromSeconds(5));
    }

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
}
