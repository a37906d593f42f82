using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Acd.Configuration;
using ContactCenter.Cti.Authentication;
using ContactCenter.Server.Tests.SipPeers;
using ContactCenter.Server.Tests.Support;
using ContactCenter.TestPeers;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Server.Tests.Cti.CrmFlow;
using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// The README's CRM walk-through against a real call, every step over the CTI API: a sipp trunk caller dials the
/// support line's DID; the ACD offers the call to ana (manual answer mode) and her desktop, subscribed with her agent
/// token, gets the screen pop (call.offered: caller, DID, service) on its SSE channel; the desktop answers (answer_call:
/// the engine cancels the ringing offer and invites ana's sipp phone again with auto-answer), records, consults bruno's
/// phone (3002), completes the transfer (ana's phone is hung up), classifies the call when it ends, and the CRM
/// downloads the recording. The channel must show each step, with the client_data of the command that caused it.
/// The sipp phones check the SIP itself (no auto-answer on the offer, both forms on the re-offer, CANCEL/487);
/// <see cref="CtiAcdCrmFlowBaresipTests"/> walks the flow with baresip phones and checks the recorded audio.
/// </summary>
public sealed class CtiAcdCrmFlowTests
{
    private static readonly TimeSpan Wait = AcdSipCenter.Wait;
    private const string Customer = "+12125551234"; // acd_caller_uac.xml calls from 2125551234, a US national number

    private static string AgentPhoneScenario =>
        Path.Combine(ProfileFiles.RepositoryRoot(), "tests", "ContactCenter.Server.Tests", "Cti", "Scenarios", "agent_answered_by_cti_uas.xml");

    [Fact]
    public async Task Screen_pop_answer_consult_complete_transfer_classify_and_recording_download_drive_a_real_acd_call()
    {
        PeerAvailability.RequireSipp();
        var service = AcdSipCenter.Service("support", RoutingStrategy.LongestIdle, AnswerMode.Manual, offerTimeoutSeconds: 30,
            classificationSeconds: 120, postCallSeconds: 0, serviceLevelSeconds: 20);
        await using var center = await AcdSipCenter.StartAsync(service, [AcdSipCenter.Agent("ana", "3001", "support")]);
        var anaPhone = await center.PhoneAsync("3001", AgentPhoneScenario, calls: 2);
        var brunoPhone = await center.PhoneAsync("3002", "acd_agent_manual_uas.xml", calls: 1);
        var tokens = center.Server.Services.GetRequiredService<ApiTokenStore>();
        using var ana = Client(center, tokens.Create("ana-desktop", CtiRoles.Agent, "ana", null).Secret);
        using var crm = Client(center, tokens.Create("crm", CtiRoles.Integrator, null, null).Secret);

        // The desktop logs ana in, subscribes with her agent token and opens its channel.
        var login = await Data(await Post(ana, "agent_login", new { extension = "3001", services = new[] { "support" } }));
        Assert.Equal("ana", login.GetProperty("agent").GetProperty("agent_id").GetString());
        var subscribed = await Data(await Post(ana, "subscribe", new { types = new[] { "call.*", "interaction.*", "classification.*" } }));
        await using var channel = await ChannelReader.OpenAsync(ana, subscribed.GetProperty("subscription").GetProperty("id").GetString()!);

        var caller = center.Call(TimeSpan.FromSeconds(20));

        // Screen pop: the offer to ana, with who calls, on which number, for which service.
        var offered = await channel.NextAsync("call.offered", Wait);
        string callId = Str(offered, "call_id");
        var pop = offered.GetProperty("payload");
        Assert.Equal(("ana", "support", "voice"), (Str(offered, "agent_id"), Str(offered, "service_id"), Str(offered, "media")));
        Assert.Equal((Customer, AcdSipCenter.Did, "support", "3001", "queued"),
            (Str(pop, "caller"), Str(pop, "did"), Str(pop, "service"), Str(pop, "party"), Str(pop, "state")));
        var interaction = (await channel.NextAsync("interaction.offered", Wait)).GetProperty("payload");
        Assert.Equal((callId, Customer, "ana"), (Str(interaction, "call_id"), Str(interaction, "customer_address"), Str(interaction, "agent_id")));

        // Answer from the desktop: the response echoes client_data; the phone is connected (auto-answer re-invite).
        var (answer, answerBody) = await PostFull(ana, "answer_call", new { call_id = callId, client_data = new { ticket = 42 } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(42, answerBody.GetProperty("client_data").GetProperty("ticket").GetInt32());
        Assert.False(string.IsNullOrEmpty(Str(answerBody, "request_id")));
        var connected = await channel.NextAsync("call.answered", Wait);
        Assert.Equal(("3001", "3001", "talking"), (Str(connected.GetProperty("payload"), "party"), Str(connected.GetProperty("payload"), "connected_party"),
            Str(connected.GetProperty("payload"), "state")));
        Assert.Equal(callId, Str((await channel.NextAsync("interaction.accepted", Wait)).GetProperty("payload"), "call_id"));

        var recording = await Data(await Post(ana, "start_recording", new { call_id = callId }));
        string recordingId = Str(recording, "recording_id");
        Assert.Equal(recordingId, Str((await channel.NextAsync("call.recording_started", Wait)).GetProperty("payload"), "recording_id"));

        // Consult bruno's extension: the customer is held (music) by the command, bruno's phone answers.
        await Data(await Post(ana, "consult_call", new { call_id = callId, target = "3002", client_data = new { step = "consult" } }));
        var held = await channel.NextAsync("call.held", Wait);
        Assert.Equal((Customer, "3001"), (Str(held.GetProperty("payload"), "party"), Str(held.GetProperty("payload"), "by")));
        Assert.Equal("consult", Str(held.GetProperty("client_data"), "step"));
        var consulted = await channel.NextAsync("call.consulted", Wait);
        Assert.Equal(("3002", "3001"), (Str(consulted.GetProperty("payload"), "party"), Str(consulted.GetProperty("payload"), "by")));

        // Complete the transfer: the customer goes to bruno, ana's phone is released.
        await Data(await Post(ana, "complete_transfer", new { call_id = callId, client_data = new { step = "transfer" } }));
        var transferred = await channel.NextAsync("call.transferred", Wait);
        Assert.Equal(("3002", "3001", "3002"), (Str(transferred.GetProperty("payload"), "party"), Str(transferred.GetProperty("payload"), "by"),
            Str(transferred.GetProperty("payload"), "connected_party")));
        Assert.Equal("transfer", Str(transferred.GetProperty("client_data"), "step"));
        var anaPhoneResult = await anaPhone.WaitForExitAsync(Wait);
        Assert.True(anaPhoneResult.Succeeded, "ana's phone rang, was cancelled, was connected by answer_call and released by the transfer: " +
            anaPhoneResult.Describe());

        // The customer talks to bruno, then hangs up: the call ends with its CDR, and ana classifies it.
        var callerResult = await caller.WaitForExitAsync(Wait + TimeSpan.FromSeconds(20));
        Assert.True(callerResult.Succeeded, callerResult.Describe());
        var brunoResult = await brunoPhone.WaitForExitAsync(Wait);
        Assert.True(brunoResult.Succeeded, brunoResult.Describe());
        var cdr = (await channel.NextAsync("call.ended", Wait)).GetProperty("payload").GetProperty("cdr");
        Assert.Equal((callId, "3001", "support", AcdSipCenter.Did), (Str(cdr, "id"), Str(cdr, "answered_by"), Str(cdr, "service_id"), Str(cdr, "did")));
        Assert.Equal([recordingId], cdr.GetProperty("recording_ids").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(cdr.GetProperty("legs").EnumerateArray(), leg => Str(leg, "party") == "3002");

        var required = (await channel.NextAsync("classification.required", Wait)).GetProperty("payload");
        Assert.Contains("resolved", required.GetProperty("dispositions").EnumerateArray().Select(d => d.GetString()));
        var classified = await Data(await Post(ana, "classify_call", new { call_id = callId, disposition = "resolved", client_data = "wrap" }));
        Assert.Equal("resolved", Str(classified, "disposition"));
        Assert.Equal("resolved", Str((await channel.NextAsync("classification.done", Wait)).GetProperty("payload"), "disposition"));

        // The CRM downloads the recording, whole and by range.
        var listed = await WaitForCompletedRecordingAsync(crm, callId);
        Assert.Equal(recordingId, Str(listed, "recording_id"));
        using var whole = await Get(crm, "get_recording_content", "recording_id=" + recordingId);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        byte[] wav = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.True(wav.Length > 8000, $"the recording has {wav.Length} bytes: at least a second of audio");
        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, "/cti/v1/get_recording_content?recording_id=" + recordingId);
        rangeRequest.Headers.Range = new RangeHeaderValue(8, 15);
        using var part = await crm.SendAsync(rangeRequest);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(wav[8..16], await part.Content.ReadAsByteArrayAsync());

        // Every step reached the agent's own channel; nothing about the call leaked out of order.
        var seqs = channel.Received.Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Order(), seqs);
        await center.AssertNoMediaLeftAsync();
    }

    /// <summary>The call's recording once the engine has closed its file (it stops with the call).</summary>
    private static async Task<JsonElement> WaitForCompletedRecordingAsync(HttpClient client, string callId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var recordings = (await Data(await Get(client, "get_recordings", "call_id=" + callId))).GetProperty("recordings");
            var only = Assert.Single(recordings.EnumerateArray());
            if (Str(only, "status") == "completed")
                return only;
            Assert.True(DateTime.UtcNow < deadline, $"recording still {Str(only, "status")}");
            await Task.Delay(100);
        }
    }
}
