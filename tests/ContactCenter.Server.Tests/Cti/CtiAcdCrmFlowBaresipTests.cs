using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ContactCenter.Acd.Configuration;
using ContactCenter.Cti.Authentication;
using ContactCenter.Media.Sessions;
using ContactCenter.Server.Tests.SipPeers;
using ContactCenter.Server.Tests.Support;
using ContactCenter.TestPeers;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Server.Tests.Cti.CrmFlow;
using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// The README's CRM walk-through with real softphones as the agents' phones: a sipp trunk caller dials the support
/// line's DID; the ACD offers the call to ana (manual answer mode), whose baresip rings, and her desktop, subscribed
/// with her agent token, gets the screen pop on its SSE channel. The desktop answers (answer_call: the engine cancels
/// the ringing offer and rings ana's phone again asking for auto-answer; baresip 1.0.0 does not read those headers,
/// so the test picks up with baresip's own "accept", as ana's click on the ringing phone would), records, consults
/// bruno's baresip (3002, auto-answer), completes the transfer (ana's baresip is hung up), stops the recording,
/// bruno hangs up, ana classifies the call and the CRM downloads the recording: a stereo WAV sox reads, with ana's
/// tone and then bruno's on the agent channel. Every event a command causes carries that command's client_data.
/// <see cref="CtiAcdCrmFlowTests"/> walks the same flow with sipp phones, which check the SIP messages themselves
/// (no auto-answer on the offer, both forms on the re-offer, CANCEL/487).
/// </summary>
public sealed class CtiAcdCrmFlowBaresipTests
{
    private static readonly TimeSpan Wait = AcdSipCenter.Wait;
    private const string Customer = "+12125551234"; // the caller scenario calls from 2125551234, a US national number
    // Neither is a note of the music on hold (196–1568 Hz), so the recording tells ana, bruno and the music apart.
    private const int AnaTone = 1000;
    private const int BrunoTone = 2000;

    private static string CallerScenario =>
        Path.Combine(ProfileFiles.RepositoryRoot(), "tests", "ContactCenter.Server.Tests", "Cti", "Scenarios", "acd_caller_released_by_agent_uac.xml");

    [Fact]
    public async Task Screen_pop_answer_record_consult_complete_transfer_classify_and_download_with_baresip_agents_on_a_real_acd_call()
    {
        PeerAvailability.RequireSipp();
        PeerAvailability.RequireBaresip();
        var sox = PeerAvailability.RequireSox();
        var service = AcdSipCenter.Service("support", RoutingStrategy.LongestIdle, AnswerMode.Manual, offerTimeoutSeconds: 60,
            classificationSeconds: 120, postCallSeconds: 0, serviceLevelSeconds: 20);
        await using var center = await AcdSipCenter.StartAsync(service, [AcdSipCenter.Agent("ana", "3001", "support")]);
        await using var anaPhone = await TonePhones.RegisteredAsync(center.Server, "3001", BaresipAnswerMode.Manual, AnaTone);
        await using var brunoPhone = await TonePhones.RegisteredAsync(center.Server, "3002", BaresipAnswerMode.Auto, BrunoTone);
        var tokens = center.Server.Services.GetRequiredService<ApiTokenStore>();
        using var ana = Client(center, tokens.Create("ana-desktop", CtiRoles.Agent, "ana", null).Secret);
        using var crm = Client(center, tokens.Create("crm", CtiRoles.Integrator, null, null).Secret);

        // The desktop logs ana in, subscribes with her agent token and opens its channel.
        var login = await Data(await Post(ana, "agent_login", new { extension = "3001", services = new[] { "support" } }));
        Assert.Equal("ana", login.GetProperty("agent").GetProperty("agent_id").GetString());
        var subscribed = await Data(await Post(ana, "subscribe", new { types = new[] { "call.*", "interaction.*", "classification.*" } }));
        await using var channel = await ChannelReader.OpenAsync(ana, subscribed.GetProperty("subscription").GetProperty("id").GetString()!);

        var caller = center.Call(CallerScenario, receiveTimeout: TimeSpan.FromSeconds(120));

        // Screen pop: the offer to ana, with who calls, on which number, for which service; her phone rings.
        var offered = await channel.NextAsync("call.offered", Wait);
        string callId = Str(offered, "call_id");
        var pop = offered.GetProperty("payload");
        Assert.Equal(("ana", "support", "voice"), (Str(offered, "agent_id"), Str(offered, "service_id"), Str(offered, "media")));
        Assert.Equal((Customer, AcdSipCenter.Did, "support", "3001", "queued"),
            (Str(pop, "caller"), Str(pop, "did"), Str(pop, "service"), Str(pop, "party"), Str(pop, "state")));
        Assert.False(offered.TryGetProperty("client_data", out _), "no command caused the first offer");
        var interaction = (await channel.NextAsync("interaction.offered", Wait)).GetProperty("payload");
        Assert.Equal((callId, Customer, "ana"), (Str(interaction, "call_id"), Str(interaction, "customer_address"), Str(interaction, "agent_id")));
        var ringing = await anaPhone.Control.WaitForEventAsync(BaresipEventTypes.CallIncoming, Wait);

        // Answer from the desktop: the ringing offer is cancelled and ana's phone rung again (a second offer, caused by
        // the command); ana's phone picks it up and the call is connected.
        var (answer, answerBody) = await PostFull(ana, "answer_call", new { call_id = callId, client_data = new { ticket = 42 } });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(42, answerBody.GetProperty("client_data").GetProperty("ticket").GetInt32());
        Assert.False(string.IsNullOrEmpty(Str(answerBody, "request_id")));
        var reoffered = await channel.NextAsync("call.offered", Wait);
        Assert.Equal((callId, "3001"), (Str(reoffered, "call_id"), Str(reoffered.GetProperty("payload"), "party")));
        Assert.Equal(42, reoffered.GetProperty("client_data").GetProperty("ticket").GetInt32());
        // The new INVITE may reach baresip before it reports the cancelled call closed: await both, in either order, so
        // that "accept" (which answers baresip's current call) finds only the new one.
        var cancelled = anaPhone.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == ringing.CallId,
            Wait, ringing.Sequence);
        var ringingAgain = await anaPhone.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallIncoming && e.CallId != ringing.CallId,
            Wait, ringing.Sequence);
        await cancelled;
        await anaPhone.Control.AcceptAsync();
        var anaUp = await anaPhone.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallEstablished && e.CallId == ringingAgain.CallId,
            Wait, ringingAgain.Sequence);
        var connected = await channel.NextAsync("call.answered", Wait);
        Assert.Equal(("3001", "3001", "talking"), (Str(connected.GetProperty("payload"), "party"), Str(connected.GetProperty("payload"), "connected_party"),
            Str(connected.GetProperty("payload"), "state")));
        Assert.Equal(callId, Str((await channel.NextAsync("interaction.accepted", Wait)).GetProperty("payload"), "call_id"));
        var call = center.Server.Calls.FindCall(callId);
        Assert.NotNull(call);

        // Record while ana talks: her tone reaches the engine for a second.
        var recording = await Data(await Post(ana, "start_recording", new { call_id = callId, client_data = new { step = "record" } }));
        string recordingId = Str(recording, "recording_id");
        var recordingStarted = await channel.NextAsync("call.recording_started", Wait);
        Assert.Equal(recordingId, Str(recordingStarted.GetProperty("payload"), "recording_id"));
        Assert.Equal("record", Str(recordingStarted.GetProperty("client_data"), "step"));
        var anaLeg = call.CalleeMedia!;
        await ForAudioAsync(anaLeg, "ana's phone");

        // Consult bruno's extension: the customer is held (music) by the command, bruno's phone answers by itself.
        await Data(await Post(ana, "consult_call", new { call_id = callId, target = "3002", client_data = new { step = "consult" } }));
        var held = await channel.NextAsync("call.held", Wait);
        Assert.Equal((Customer, "3001"), (Str(held.GetProperty("payload"), "party"), Str(held.GetProperty("payload"), "by")));
        Assert.Equal("consult", Str(held.GetProperty("client_data"), "step"));
        var consulted = await channel.NextAsync("call.consulted", Wait);
        Assert.Equal(("3002", "3001"), (Str(consulted.GetProperty("payload"), "party"), Str(consulted.GetProperty("payload"), "by")));
        var brunoUp = await brunoPhone.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Wait);

        // Complete the transfer: the customer goes to bruno, ana's phone is hung up.
        await Data(await Post(ana, "complete_transfer", new { call_id = callId, client_data = new { step = "transfer" } }));
        var transferred = await channel.NextAsync("call.transferred", Wait);
        Assert.Equal(("3002", "3001", "3002"), (Str(transferred.GetProperty("payload"), "party"), Str(transferred.GetProperty("payload"), "by"),
            Str(transferred.GetProperty("payload"), "connected_party")));
        Assert.Equal("transfer", Str(transferred.GetProperty("client_data"), "step"));
        await anaPhone.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == anaUp.CallId, Wait, anaUp.Sequence);
        var brunoLeg = call.CalleeMedia!;
        Assert.NotSame(anaLeg, brunoLeg);
        await ForAudioAsync(brunoLeg, "bruno's phone");

        // The desktop stops the recording while the customer talks to bruno; the file is complete from then on.
        var stopped = await Data(await Post(ana, "stop_recording", new { call_id = callId, client_data = new { step = "stop" } }));
        Assert.Equal(recordingId, Str(stopped, "recording_id"));
        var recordingStopped = await channel.NextAsync("call.recording_stopped", Wait);
        Assert.Equal(recordingId, Str(recordingStopped.GetProperty("payload"), "recording_id"));
        Assert.Equal("stop", Str(recordingStopped.GetProperty("client_data"), "step"));

        // Bruno hangs up: the customer is released, the call ends with its CDR, and ana classifies it.
        await brunoPhone.Control.HangupAsync();
        await brunoPhone.Control.WaitForEventAsync(e => e.Type == BaresipEventTypes.CallClosed && e.CallId == brunoUp.CallId, Wait, brunoUp.Sequence);
        var callerResult = await caller.WaitForExitAsync(Wait);
        Assert.True(callerResult.Succeeded, callerResult.Describe());
        var cdr = (await channel.NextAsync("call.ended", Wait)).GetProperty("payload").GetProperty("cdr");
        Assert.Equal((callId, "3001", "support", AcdSipCenter.Did), (Str(cdr, "id"), Str(cdr, "answered_by"), Str(cdr, "service_id"), Str(cdr, "did")));
        Assert.Equal([recordingId], cdr.GetProperty("recording_ids").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(cdr.GetProperty("legs").EnumerateArray(), leg => Str(leg, "party") == "3002");

        var required = (await channel.NextAsync("classification.required", Wait)).GetProperty("payload");
        Assert.Contains("resolved", required.GetProperty("dispositions").EnumerateArray().Select(d => d.GetString()));
        var classified = await Data(await Post(ana, "classify_call", new { call_id = callId, disposition = "resolved", client_data = "wrap" }));
        Assert.Equal("resolved", Str(classified, "disposition"));
        var done = await channel.NextAsync("classification.done", Wait);
        Assert.Equal("resolved", Str(done.GetProperty("payload"), "disposition"));
        Assert.Equal("wrap", done.GetProperty("client_data").GetString());

        // The CRM downloads the recording: a stereo WAV that sox reads, ana's tone on the agent channel, then bruno's.
        var listed = Assert.Single((await Data(await Get(crm, "get_recordings", "call_id=" + callId))).GetProperty("recordings").EnumerateArray());
        Assert.Equal((recordingId, "completed"), (Str(listed, "recording_id"), Str(listed, "status")));
        using var whole = await Get(crm, "get_recording_content", "recording_id=" + recordingId);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        byte[] wav = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        var downloaded = Path.Combine(center.Server.WorkDirectory, $"downloaded-{recordingId}.wav");
        await File.WriteAllBytesAsync(downloaded, wav);
        await TonePhones.SoxAcceptsAsync(sox, downloaded);
        var audio = RecordedAudio.Read(downloaded);
        Assert.True(audio.Duration >= TimeSpan.FromSeconds(2), $"the recording holds {audio.Duration.TotalSeconds:0.00} s: a second of each agent at least");
        var anaHeard = FirstToneWindow(audio, AnaTone, BrunoTone, TimeSpan.Zero);
        Assert.True(anaHeard is not null, "ana's tone is not on the agent channel of the recording");
        var brunoHeard = FirstToneWindow(audio, BrunoTone, AnaTone, anaHeard.Value);
        Assert.True(brunoHeard is not null, $"bruno's tone is not on the agent channel after ana's (from {anaHeard.Value.TotalSeconds:0.00} s)");

        // Every step reached the agent's own channel in order, and nothing of the call is left.
        var seqs = channel.Received.Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Order(), seqs);
        await center.AssertNoMediaLeftAsync();
    }

    /// <summary>Waits until <paramref name="leg"/> received a second more of RTP (50 packets): the phone's tone flows.</summary>
    private static async Task ForAudioAsync(MediaLeg leg, string who)
    {
        long before = leg.GetQualityReport().Inbound.Packets;
        var deadline = DateTime.UtcNow + Wait;
        while (leg.GetQualityReport().Inbound.Packets - before < 50)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"no second of RTP from {who} within {Wait}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// The start of the first half second at or after <paramref name="from"/> where the agent channel (1) is a clear sine
    /// at <paramref name="tone"/> without <paramref name="absent"/>; null when there is none.
    /// </summary>
    private static TimeSpan? FirstToneWindow(RecordedAudio audio, int tone, int absent, TimeSpan from)
    {
        var length = TimeSpan.FromSeconds(0.5);
        for (var start = from; start + length <= audio.Duration; start += TimeSpan.FromSeconds(0.1))
        {
            var window = audio.Window(1, start, start + length);
            if (RecordedAudio.Rms(window) > 300 && audio.ToneShare(window, tone) > 0.5 && audio.ToneShare(window, absent) < 0.05)
                return start;
        }
        return null;
    }
}
