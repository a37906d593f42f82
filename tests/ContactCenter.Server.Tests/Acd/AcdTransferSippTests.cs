using System.Net.Http.Headers;
using ContactCenter.Acd;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Cti.Authentication;
using ContactCenter.Server.Tests.SipPeers;
using ContactCenter.Telephony.Recordings;
using ContactCenter.TestPeers;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;
using CallEventPayload = ContactCenter.Telephony.Calls.CallEventPayload;
using CallEventTypes = ContactCenter.Telephony.Calls.CallEventTypes;

namespace ContactCenter.Server.Tests.Acd;

/// <summary>
/// ACD-08 with real SIP: a sipp trunk caller into service "sales" is answered by ana's phone (sipp, auto-answer); ana
/// transfers it over the CTI API to service "billing" or to agent bia. The call stays anchored: ana's phone is hung up,
/// the caller hears music while queued again, bia's phone takes it; the CDR stays one row with both agents' legs.
/// </summary>
public sealed class AcdTransferSippTests
{
    private static ServiceDefinition Sales(bool record = false, AgentPermissions? permissions = null) =>
        AcdSipCenter.Service("sales", RoutingStrategy.LongestIdle, AnswerMode.Automatic, offerTimeoutSeconds: 10, classificationSeconds: 0,
            postCallSeconds: 0, serviceLevelSeconds: 10) with { Record = record, Permissions = permissions ?? new AgentPermissions() };

    private static ServiceDefinition Billing() =>
        AcdSipCenter.Service("billing", RoutingStrategy.LongestIdle, AnswerMode.Automatic, offerTimeoutSeconds: 10, classificationSeconds: 60,
            postCallSeconds: 0, serviceLevelSeconds: 10) with { EntryPoints = [] };

    private static HttpClient AgentClient(AcdSipCenter center, string agentId)
    {
        var (_, secret) = center.Server.Services.GetRequiredService<ApiTokenStore>().Create(agentId, CtiRoles.Agent, agentId, null);
        var client = center.Server.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [Fact]
    public async Task A_call_transferred_to_a_service_is_requeued_with_music_and_answered_there_recorded_once_and_classified_into_its_cdr()
    {
        PeerAvailability.RequireSipp();
        await using var center = await AcdSipCenter.StartAsync(Sales(record: true), [AcdSipCenter.Agent("ana", "3001", "sales")]);
        Assert.True((await center.Administration.SaveServiceAsync(Billing(), create: true)).IsSuccess);
        Assert.True((await center.Administration.SaveAgentAsync(AcdSipCenter.Agent("bia", "3002", "billing"), create: true)).IsSuccess);
        var anaPhone = await center.PhoneAsync("3001", "acd_agent_autoanswer_uas.xml", calls: 1);
        var biaPhone = await center.PhoneAsync("3002", "acd_agent_autoanswer_uas.xml", calls: 1);
        await center.LoginAsync("ana");
        await center.LoginAsync("bia");
        using var ana = AgentClient(center, "ana");

        var caller = center.Call(TimeSpan.FromSeconds(5));
        var first = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, a => a.AgentId == "ana", AcdSipCenter.Wait);
        var callId = first.CallId!;

        var transferred = await Data(await Post(ana, "call_transfer", new { call_id = callId, service = "billing", client_data = new { crm = "t-1" } }));
        Assert.Equal((callId, "queued"), (transferred.GetProperty("call_id").GetString(), transferred.GetProperty("state").GetString()));

        var second = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, a => a.AgentId == "bia", AcdSipCenter.Wait);
        Assert.Equal((callId, "billing"), (second.CallId, second.ServiceId));
        var anaResult = await anaPhone.WaitForExitAsync(AcdSipCenter.Wait);
        Assert.True(anaResult.Succeeded, "ana's phone was hung up by the transfer: " + anaResult.Describe());
        // The transfer and the re-queue are the command's doing: they carry its client_data.
        var events = center.Events.Snapshot();
        var transferEvent = Assert.Single(events, e => e.Type == AcdEventTypes.InteractionTransferred);
        Assert.Equal("t-1", transferEvent.ClientData!.Value.GetProperty("crm").GetString());
        var payload = (InteractionEvent)transferEvent.Payload!;
        Assert.Equal(("sales", "ana", "billing", "transferred"), (payload.ServiceId, payload.AgentId, payload.TargetServiceId, payload.Reason));
        // The call itself was queued twice: on arrival, then again by the transfer (from ana's extension, now in billing).
        var queued = center.Events.Payloads<CallEventPayload>(CallEventTypes.Queued).Where(q => q.CallId == callId).ToList();
        Assert.Equal(2, queued.Count);
        Assert.Equal(("billing", "3001", "ana"), (queued[1].Service, queued[1].Party, queued[1].By));

        var callerResult = await caller.WaitForExitAsync(AcdSipCenter.Wait);
        Assert.True(callerResult.Succeeded, callerResult.Describe());
        Assert.True((await biaPhone.WaitForExitAsync(AcdSipCenter.Wait)).Succeeded);
        await center.Events.WaitForAsync<ClassificationEvent>(AcdEventTypes.ClassificationRequired, c => c.InteractionId == callId, AcdSipCenter.Wait);
        await center.RunAsync(e => e.Classify("bia", callId, "resolved"));
        await center.AssertNoMediaLeftAsync();

        // ACD statistics: ana handled her part, billing counts the transfer in as offered and answered.
        Assert.Equal(1, (await center.AgentStatisticsAsync("ana")).Today.Handled);
        var billing = (await center.ServiceStatisticsAsync("billing")).Today;
        Assert.Equal((1, 1, 1), (billing.Offered, billing.Answered, billing.Handled));

        // One CDR row: the last service, first answered by ana, both agents' legs, one recording across the transfer,
        // and the disposition bia chose after the call.
        var record = center.Server.Cdr.Find(callId)!;
        Assert.Equal("billing", record.ServiceId);
        Assert.Equal("3001", record.AnsweredBy);
        Assert.Equal("resolved", record.Disposition);
        // ana's leg ended at the transfer, seconds before the caller hung up (not with the call).
        var anaLeg = Assert.Single(record.Legs, l => l.Party == "3001");
        Assert.True(anaLeg.EndedAt < record.EndedAt!.Value.AddSeconds(-2), $"ana's leg ended {anaLeg.EndedAt:O}, the call {record.EndedAt:O}");
        Assert.Contains(record.Legs, l => l.Party == "3002");
        var recordingId = Assert.Single(record.RecordingIds);
        var recordings = center.Server.Services.GetRequiredService<RecordingStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (recordings.Find(recordingId) is not { Status: "completed" })
        {
            Assert.True(DateTime.UtcNow < deadline, "the recording's metadata was stored");
            await Task.Delay(50);
        }
        Assert.Equal(callId, recordings.Find(recordingId)!.CallId);
    }

    [Fact]
    public async Task A_transfer_to_an_agent_rings_that_agent_directly_and_is_refused_while_it_is_logged_out_and_permissions_hold_in_the_engine()
    {
        PeerAvailability.RequireSipp();
        await using var center = await AcdSipCenter.StartAsync(Sales(),
            [AcdSipCenter.Agent("ana", "3001", "sales"), AcdSipCenter.Agent("bia", "3002", "sales"), AcdSipCenter.Agent("caio", "3003", "sales")]);
        var anaPhone = await center.PhoneAsync("3001", "acd_agent_autoanswer_uas.xml", calls: 1);
        var biaPhone = await center.PhoneAsync("3002", "acd_agent_autoanswer_uas.xml", calls: 1);
        await center.LoginAsync("ana");
        using var ana = AgentClient(center, "ana");
        using var bia = AgentClient(center, "bia");

        var caller = center.Call(TimeSpan.FromSeconds(6));
        var first = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, a => a.AgentId == "ana", AcdSipCenter.Wait);
        var callId = first.CallId!;

        var loggedOut = await Problem(await Post(ana, "call_transfer", new { call_id = callId, agent = "bia" }));
        var unknown = await Problem(await Post(ana, "call_transfer", new { call_id = callId, agent = "zed" }));
        var twoForms = await Problem(await Post(ana, "call_transfer", new { call_id = callId, agent = "bia", service = "sales" }));
        Assert.Equal((409, "agent_not_available"), (loggedOut.Status, loggedOut.Code));
        Assert.Equal((404, "agent_not_found"), (unknown.Status, unknown.Code));
        Assert.Equal((400, "invalid_field"), (twoForms.Status, twoForms.Code));
        Assert.Equal(ContactCenter.Telephony.Calls.CallState.Talking, center.Server.Calls.FindCall(callId)!.State);

        // caio is logged in and has been idle longest, but the transfer names bia: she is rung directly.
        await center.LoginAsync("caio");
        await center.LoginAsync("bia");
        await Data(await Post(ana, "call_transfer", new { call_id = callId, agent = "bia" }));
        var second = await center.Events.WaitForAsync<InteractionEvent>(AcdEventTypes.InteractionAccepted, a => a.InteractionId == callId && a.AgentId != "ana", AcdSipCenter.Wait);
        Assert.Equal("bia", second.AgentId);
        Assert.True((await anaPhone.WaitForExitAsync(AcdSipCenter.Wait)).Succeeded);

        // The service forbids transfers and consultations from now on: the CTI refuses, and so does the engine itself
        // (what a phone's REFER or any other client reaches).
        Assert.True((await center.Administration.SaveServiceAsync(Sales(permissions: new AgentPermissions(Consult: false, Transfer: false)), create: false)).IsSuccess);
        var forbidden = await Problem(await Post(bia, "call_transfer", new { call_id = callId, service = "sales" }));
        Assert.Equal((403, "transfer_not_permitted"), (forbidden.Status, forbidden.Code));
        var blind = await center.Server.Calls.BlindTransferAsync(callId, "3002", "3003");
        var consult = await center.Server.Calls.ConsultAsync(callId, "3002", "3003");
        var acdLevel = await center.Acd.RunAsync(e => e.TransferToService(callId, "sales", byAgent: true));
        Assert.Equal("transfer_not_permitted", blind.Code);
        Assert.Equal("consult_not_permitted", consult.Code);
        Assert.Equal(AcdErrors.PermissionDeniedCode, acdLevel.Error!.Code);
        Assert.Equal(ContactCenter.Telephony.Calls.CallState.Talking, center.Server.Calls.FindCall(callId)!.State);

        Assert.True((await caller.WaitForExitAsync(AcdSipCenter.Wait)).Succeeded);
        Assert.True((await biaPhone.WaitForExitAsync(AcdSipCenter.Wait)).Succeeded);
        await center.AssertNoMediaLeftAsync();
        var record = center.Server.Cdr.Find(callId)!;
        Assert.Equal(["3001", "3002"], record.Legs.Where(l => l.Party != record.Caller).Select(l => l.Party).Order());
    }
}
