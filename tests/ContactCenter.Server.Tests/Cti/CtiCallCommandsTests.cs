using System.Net;
using System.Net.Http.Headers;
using ContactCenter.Telephony.Recordings;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>Call and recording commands without a phone: the errors, click-to-dial refusals, recording retrieval with ranges.</summary>
public sealed class CtiCallCommandsTests : IDisposable
{
    private readonly CtiCommandsApi _api = new();

    public static TheoryData<string, object> CallCommands => new()
    {
        { "hangup_call", new { call_id = "nope" } },
        { "hold_call", new { call_id = "nope", party = "1001" } },
        { "retrieve_call", new { call_id = "nope" } },
        { "call_transfer", new { call_id = "nope", target = "1002" } },
        { "conference_call", new { call_id = "nope", consult_call_id = "nope2" } },
        { "drop_participant", new { call_id = "nope", party = "1002" } },
        { "send_dtmf", new { call_id = "nope", digits = "12#" } },
        { "start_recording", new { call_id = "nope" } },
        { "stop_recording", new { call_id = "nope" } },
        { "pause_recording", new { call_id = "nope" } },
        { "resume_recording", new { call_id = "nope" } },
        { "answer_call", new { call_id = "nope" } },
        { "consult_call", new { call_id = "nope", target = "1002" } },
        { "complete_transfer", new { call_id = "nope" } },
        { "cancel_consult", new { call_id = "nope" } },
    };

    [Theory]
    [MemberData(nameof(CallCommands))]
    public async Task A_command_on_a_call_not_in_progress_is_404_call_not_found_with_client_data_echoed(string command, object body)
    {
        using var ana = _api.Agent("ana");
        var json = System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
        json["client_data"] = "crm-1";

        var (status, code, problem) = await Problem(await ana.PostAsync("/cti/v1/" + command,
            new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal((404, "call_not_found"), (status, code));
        Assert.Equal("crm-1", problem.GetProperty("client_data").GetString());
    }

    [Fact]
    public async Task Get_calls_is_empty_without_calls_and_an_agent_may_not_list_another_agents_calls()
    {
        using var ana = _api.Agent("ana");
        using var admin = _api.Admin();

        var own = await Data(await Get(ana, "get_calls"));
        var all = await Data(await Get(admin, "get_calls", "service_id=support"));
        var other = await Problem(await Get(ana, "get_calls", "agent_id=bruno"));

        Assert.Equal(0, own.GetProperty("calls").GetArrayLength());
        Assert.Equal(0, all.GetProperty("calls").GetArrayLength());
        Assert.Equal(403, other.Status);
    }

    [Fact]
    public async Task Make_call_from_an_extension_without_a_phone_is_409_and_bad_destinations_are_400()
    {
        using var ana = _api.Agent("ana");

        var unregistered = await Problem(await Post(ana, "make_call", new { destination = "1002" }));
        var blank = await Problem(await Post(ana, "make_call", new { destination = "10 02" }));
        var missing = await Problem(await Post(ana, "make_call", new { }));

        Assert.Equal((409, "extension_not_registered", "1001"), (unregistered.Status, unregistered.Code, unregistered.Problem.GetProperty("extension").GetString()));
        Assert.Equal((400, "invalid_field", "destination"), (blank.Status, blank.Code, blank.Problem.GetProperty("field").GetString()));
        Assert.Equal((400, "missing_field", "destination"), (missing.Status, missing.Code, missing.Problem.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task Recordings_are_listed_by_call_and_their_audio_served_whole_and_by_range()
    {
        using var integrator = _api.Client("integrator");
        var store = _api.Services.GetRequiredService<RecordingStore>();
        var audio = Enumerable.Range(0, 2000).Select(i => (byte)(i * 7)).ToArray();
        Directory.CreateDirectory(Path.Combine(_api.RecordingsDirectory, "2025", "01", "02"));
        await File.WriteAllBytesAsync(Path.Combine(_api.RecordingsDirectory, "2025", "01", "02", "rec0001.wav"), audio);
        var started = new DateTimeOffset(2025, 1, 2, 10, 0, 0, TimeSpan.Zero);
        store.Started("rec0001", "call-rec", "2025/01/02/rec0001.wav", started);
        using (var connection = _api.Services.GetRequiredService<ContactCenter.Storage.IDbConnectionFactory>().Open())
            Dapper.SqlMapper.Execute(connection, "UPDATE recordings SET status = 'completed', stopped_at = '2025-01-02T10:00:03Z', file_bytes = 2000 WHERE id = 'rec0001'");
        store.Started("rec0002", "call-rec", "2025/01/02/rec0002.wav", started.AddSeconds(5));

        var list = await Data(await Get(integrator, "get_recordings", "call_id=call-rec"));
        using var whole = await Get(integrator, "get_recording_content", "recording_id=rec0001");
        var rangeRequest = new HttpRequestMessage(HttpMethod.Get, "/cti/v1/get_recording_content?recording_id=rec0001");
        rangeRequest.Headers.Range = new RangeHeaderValue(100, 199);
        using var part = await integrator.SendAsync(rangeRequest);
        var outside = new HttpRequestMessage(HttpMethod.Get, "/cti/v1/get_recording_content?recording_id=rec0001");
        outside.Headers.Range = new RangeHeaderValue(5000, 6000);
        using var unsatisfiable = await integrator.SendAsync(outside);
        var inProgress = await Problem(await Get(integrator, "get_recording_content", "recording_id=rec0002"));
        var unknown = await Problem(await Get(integrator, "get_recording_content", "recording_id=rec9999"));
        var traversal = await Problem(await Get(integrator, "get_recording_content", "recording_id=..%2Fetc"));

        Assert.Equal(["rec0001", "rec0002"], list.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recording_id").GetString()));
        Assert.Equal(["completed", "recording"], list.GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("audio/wav", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(audio[100..200], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal((100L, 199L, 2000L), (part.Content.Headers.ContentRange!.From!.Value, part.Content.Headers.ContentRange.To!.Value, part.Content.Headers.ContentRange.Length!.Value));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal((409, "recording_in_progress"), (inProgress.Status, inProgress.Code));
        Assert.Equal((404, "recording_not_found"), (unknown.Status, unknown.Code));
        Assert.Equal((400, "invalid_field"), (traversal.Status, traversal.Code));
    }

    public void Dispose() => _api.Dispose();
}
