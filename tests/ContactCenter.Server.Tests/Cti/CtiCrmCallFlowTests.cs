using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Events;
using ContactCenter.Server.Tests.SipPeers;
using ContactCenter.Telephony.Calls;
using ContactCenter.TestPeers;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// A CRM driving a real call over the CTI API: click-to-dial from the agent's baresip (auto-answer) to another
/// baresip, hold, retrieve and hang up, each command confirmed by the engine's call.* events.
/// </summary>
public sealed class CtiCrmCallFlowTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Make_call_hold_retrieve_hangup_through_the_api_drive_a_real_call()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter
        {
            Types = [CallEventTypes.Answered, CallEventTypes.Held, CallEventTypes.Retrieved, CallEventTypes.Ended],
        });
        await using var agentPhone = await Phones.RegisteredAsync(server, "3001", BaresipAnswerMode.Auto);
        await using var customerPhone = await Phones.RegisteredAsync(server, "3002", BaresipAnswerMode.Auto);

        var (_, adminSecret) = server.Services.GetRequiredService<ApiTokenStore>().Create("admin", CtiRoles.Admin, null, null);
        using var admin = server.CreateHttpClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminSecret);
        var created = await admin.PostAsJsonAsync("/api/v1/acd/agents", new { id = "dora", name = "Dora", extension = "3001" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var (_, agentSecret) = server.Services.GetRequiredService<ApiTokenStore>().Create("dora", CtiRoles.Agent, "dora", null);
        using var dora = server.CreateHttpClient();
        dora.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", agentSecret);
        var (_, otherSecret) = server.Services.GetRequiredService<ApiTokenStore>().Create("ana", CtiRoles.Agent, "ana", null);
        using var ana = server.CreateHttpClient();
        ana.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", otherSecret);

        var made = await Data(await Post(dora, "make_call", new { destination = "3002", client_data = new { ticket = 42 } }));
        string callId = made.GetProperty("call_id").GetString()!;
        var answered = await NextAsync(events, callId);
        Assert.Equal(CallEventTypes.Answered, answered.Type);
        // CTI-07: the events a command causes carry its client_data.
        Assert.Equal(42, answered.ClientData!.Value.GetProperty("ticket").GetInt32());

        var listed = Assert.Single((await Data(await Get(dora, "get_calls"))).GetProperty("calls").EnumerateArray());
        Assert.Equal((callId, "dora", "3001"), (listed.GetProperty("call_id").GetString(), listed.GetProperty("agent_id").GetString(), listed.GetProperty("caller").GetString()));
        var foreign = await Problem(await Post(ana, "hold_call", new { call_id = callId }));
        Assert.Equal(403, foreign.Status);

        var held = await Data(await Post(dora, "hold_call", new { call_id = callId, client_data = "hold-7" }));
        Assert.Equal(callId, held.GetProperty("call_id").GetString());
        var heldEvent = await NextAsync(events, callId);
        Assert.Equal((CallEventTypes.Held, "3002"), (heldEvent.Type, ((CallEventPayload)heldEvent.Payload!).Party));
        Assert.Equal("hold-7", heldEvent.ClientData!.Value.GetString());
        var heldTwice = await Problem(await Post(dora, "hold_call", new { call_id = callId }));
        Assert.Equal((409, "invalid_state_transition"), (heldTwice.Status, heldTwice.Code));

        await Data(await Post(dora, "retrieve_call", new { call_id = callId }));
        var retrieved = await NextAsync(events, callId);
        Assert.Equal((CallEventTypes.Retrieved, "3002"), (retrieved.Type, ((CallEventPayload)retrieved.Payload!).Party));

        await Data(await Post(dora, "hangup_call", new { call_id = callId }));
        Assert.Equal(CallEventTypes.Ended, (await NextAsync(events, callId)).Type);
        var gone = await Problem(await Post(dora, "hangup_call", new { call_id = callId }));
        Assert.Equal((404, "call_not_found"), (gone.Status, gone.Code));
    }

    private static async Task<EventEnvelope> NextAsync(IEventSubscription events, string callId)
    {
        using var cts = new CancellationTokenSource(Wait);
        while (true)
        {
            Assert.True(await events.WaitToReadAsync(cts.Token));
            while (events.TryRead(out var envelope))
            {
                if (envelope.Payload is CallEventPayload payload && payload.CallId == callId) return envelope;
            }
        }
    }
}
