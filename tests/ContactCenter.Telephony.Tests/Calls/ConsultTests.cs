using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>Consultation by command: the agent's one dialog is re-bridged to the consulted party; complete, cancel, conference.</summary>
public sealed class ConsultTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    /// <summary>2001 (the customer) calls 2002 (the agent); the agent consults 2003, which answers.</summary>
    private static async Task<(Call Call, SipMessage Agent, SipMessage Consulted)> ConsultAsync(CallEngineHarness h, string callId)
    {
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", callId, Branch()));
        var agentInvite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(agentInvite, 200, "OK", "agent1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, callId);
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        Assert.True(h.Engine.TryFindCall(callId, out var call));

        Assert.True((await h.Engine.ConsultAsync(call.Id, "2002", "2003")).Succeeded);
        Assert.Equal("consult_in_progress", (await h.Engine.ConsultAsync(call.Id, "2002", "2003")).Code);
        var consultInvite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("sip:2002@", consultInvite.GetHeaderString(HeaderId.From));
        await h.Third.SendAsync(h.Third.Response(consultInvite, 200, "OK", "consulted1", h.Third.Sdp));
        await h.Third.ReceiveRequestAsync(SipMethod.Ack);
        await h.NextEventAsync(CallEventTypes.Consulted);
        Assert.NotNull(call.CallerMedia!.Endpoint.Playing); // the customer hears music meanwhile
        Assert.Null(call.CallerMedia.BridgedPeer);
        Assert.Equal("2003", call.ConsultedParty);
        return (call, agentInvite, consultInvite);
    }

    [Fact]
    public async Task Complete_bridges_the_customer_to_the_consulted_party_and_releases_the_agent()
    {
        await using var h = new CallEngineHarness();
        var (call, agent, _) = await ConsultAsync(h, "cons1");
        Assert.True((await h.Engine.CompleteConsultAsync(call.Id, "2002")).Succeeded);
        await h.Callee.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == agent.CallIdString);
        Assert.Null(call.CallerMedia!.Endpoint.Playing);
        Assert.NotNull(call.CallerMedia.BridgedPeer);
        Assert.Equal("2003", call.ConnectedParty);
        Assert.Equal("no_consult", (await h.Engine.CancelConsultAsync(call.Id, "2002")).Code);
    }

    [Fact]
    public async Task Cancel_hangs_up_the_consulted_party_and_brings_the_agent_back()
    {
        await using var h = new CallEngineHarness();
        var (call, _, consulted) = await ConsultAsync(h, "cons2");
        Assert.True((await h.Engine.CancelConsultAsync(call.Id, "2002")).Succeeded);
        await h.Third.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Bye && m.CallIdString == consulted.CallIdString);
        Assert.Null(call.CallerMedia!.Endpoint.Playing);
        Assert.Equal("2002", call.ConnectedParty);
        Assert.Same(call.CalleeMedia, call.CallerMedia.BridgedPeer);
        Assert.Null(call.ConsultedParty);
    }

    [Fact]
    public async Task Conference_mixes_customer_agent_and_consulted_party()
    {
        await using var h = new CallEngineHarness();
        var (call, _, _) = await ConsultAsync(h, "cons3");
        Assert.True((await h.Engine.ConferenceConsultAsync(call.Id, "2002")).Succeeded);
        Assert.Equal(["2001", "2002", "2003"], call.ConferenceParties.Order());
        Assert.NotNull(call.CallerMedia!.Conference);
    }

    [Fact]
    public async Task A_busy_consulted_party_leaves_the_customer_on_music_until_the_agent_cancels()
    {
        await using var h = new CallEngineHarness();
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await h.Third.RegisterAsync("pw-2003", CallEngineHarness.Realm);
        await h.Caller.SendAsync(h.Invite("2002", "cons4", Branch()));
        var agentInvite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        await h.Callee.SendAsync(h.Callee.Response(agentInvite, 200, "OK", "agent1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "cons4");
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        Assert.True(h.Engine.TryFindCall("cons4", out var call));
        Assert.Equal("destination_not_found", (await h.Engine.ConsultAsync(call.Id, "2002", "7777")).Code);
        Assert.True((await h.Engine.ConsultAsync(call.Id, "2002", "2003")).Succeeded);
        var consultInvite = await h.Third.ReceiveRequestAsync(SipMethod.Invite);
        await h.Third.SendAsync(h.Third.Response(consultInvite, 486, "Busy Here", "consulted1"));
        await h.NextEventAsync(CallEventTypes.ConsultFailed);
        Assert.NotNull(call.CallerMedia!.Endpoint.Playing);
        Assert.True((await h.Engine.CancelConsultAsync(call.Id, "2002")).Succeeded);
        Assert.Same(call.CalleeMedia, call.CallerMedia.BridgedPeer);
    }
}
