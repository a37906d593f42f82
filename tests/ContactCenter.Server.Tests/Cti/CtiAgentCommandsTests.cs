using Microsoft.Extensions.DependencyInjection;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>Agent, service, queue, statistics and alarm commands on the demo ACD.</summary>
public sealed class CtiAgentCommandsTests : IDisposable
{
    private readonly CtiCommandsApi _api = new();

    [Fact]
    public async Task Agents_list_shows_every_agent_to_a_supervisor_and_only_itself_to_an_agent()
    {
        using var supervisor = _api.Client("supervisor");
        using var ana = _api.Agent("ana");

        var all = await Data(await Get(supervisor, "get_agents_list"));
        var own = await Data(await Get(ana, "get_agents_list"));
        var unknownService = await Problem(await Get(supervisor, "get_agents_list", "service_id=nope"));

        Assert.Equal(["ana", "bruno", "carla"], all.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agent_id").GetString()));
        var only = Assert.Single(own.GetProperty("agents").EnumerateArray());
        Assert.Equal(("ana", "1001", "logged_out"), (only.GetProperty("agent_id").GetString(), only.GetProperty("extension").GetString(), only.GetProperty("state").GetString()));
        Assert.Equal((404, "service_not_found"), (unknownService.Status, unknownService.Code));
    }

    [Fact]
    public async Task Login_pause_available_logout_walk_the_states_and_wrong_transitions_are_409_with_the_state()
    {
        using var ana = _api.Agent("ana");

        var login = await Data(await Post(ana, "agent_login", new { client_data = new { crm = 7 } }));
        Assert.Equal(("available", true), (login.GetProperty("agent").GetProperty("state").GetString(), login.GetProperty("agent").GetProperty("logged_in").GetBoolean()));
        var again = await Problem(await Post(ana, "agent_login"));
        Assert.Equal((409, "invalid_state_transition", "available"), (again.Status, again.Code, again.Problem.GetProperty("current_state").GetString()));

        var paused = await Data(await Post(ana, "set_agent_state", new { state = "paused", reason = "lunch" }));
        Assert.Equal(("paused", "lunch"), (paused.GetProperty("state").GetString(), paused.GetProperty("pause_reason").GetString()));
        var badReason = await Problem(await Post(ana, "set_agent_state", new { state = "paused", reason = "nap" }));
        Assert.Equal((400, "unknown_pause_reason", "reason"), (badReason.Status, badReason.Code, badReason.Problem.GetProperty("field").GetString()));
        var noReason = await Problem(await Post(ana, "set_agent_state", new { state = "paused" }));
        Assert.Equal((400, "missing_field"), (noReason.Status, noReason.Code));
        var badState = await Problem(await Post(ana, "set_agent_state", new { state = "asleep" }));
        Assert.Equal((400, "invalid_field"), (badState.Status, badState.Code));

        var available = await Data(await Post(ana, "set_agent_state", new { state = "available" }));
        Assert.Equal("available", available.GetProperty("state").GetString());

        var logout = await Data(await Post(ana, "agent_logout"));
        Assert.Equal("logged_out", logout.GetProperty("state").GetString());
        var logoutAgain = await Problem(await Post(ana, "agent_logout"));
        Assert.Equal((409, "invalid_state_transition", "logged_out"), (logoutAgain.Status, logoutAgain.Code, logoutAgain.Problem.GetProperty("current_state").GetString()));
        var pauseLoggedOut = await Problem(await Post(ana, "set_agent_state", new { state = "available" }));
        Assert.Equal((409, "invalid_state_transition"), (pauseLoggedOut.Status, pauseLoggedOut.Code));
    }

    [Fact]
    public async Task Agent_commands_client_data_comes_back_in_the_agent_events_they_cause()
    {
        var bus = _api.Services.GetRequiredService<ContactCenter.Events.IEventBus>();
        await using var events = bus.Subscribe(new ContactCenter.Events.EventFilter { Types = ["agent.*"], AgentIds = ["carla"] });
        using var carla = _api.Agent("carla");

        await Data(await Post(carla, "agent_login", new { client_data = new { step = "login" } }));
        await Data(await Post(carla, "set_agent_state", new { state = "paused", reason = "lunch", client_data = new { step = "pause" } }));
        await Data(await Post(carla, "agent_logout", new { client_data = new { step = "logout" } }));

        // Each command's events carry its own client_data (CTI-07), not the previous command's.
        var seen = new List<(string Type, string? Step)>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!seen.Exists(e => e.Type == "agent.logged_out"))
        {
            Assert.True(await events.WaitToReadAsync(timeout.Token));
            while (events.TryRead(out var envelope))
            {
                if (envelope.Type is "agent.statistics") continue;
                seen.Add((envelope.Type, envelope.ClientData?.GetProperty("step").GetString()));
            }
        }

        Assert.Contains(("agent.logged_in", "login"), seen);
        Assert.Contains(seen, e => e.Type == "agent.state_changed" && e.Step == "pause");
        Assert.Contains(("agent.logged_out", "logout"), seen);
        Assert.DoesNotContain(seen, e => e.Step is null);
    }

    [Fact]
    public async Task Non_agent_tokens_name_the_agent_and_unknown_agents_are_404()
    {
        using var admin = _api.Admin();

        var missing = await Problem(await Post(admin, "agent_login"));
        var unknown = await Problem(await Post(admin, "agent_login", new { agent_id = "zed" }));
        var bruno = await Data(await Post(admin, "agent_login", new { agent_id = "bruno", extension = "1003" }));
        var unknownStatistics = await Problem(await Get(admin, "get_agent_statistics", "agent_id=zed"));

        Assert.Equal((400, "missing_field", "agent_id"), (missing.Status, missing.Code, missing.Problem.GetProperty("field").GetString()));
        Assert.Equal((404, "agent_not_found"), (unknown.Status, unknown.Code));
        Assert.Equal("1003", bruno.GetProperty("agent").GetProperty("extension").GetString());
        Assert.Equal((404, "agent_not_found"), (unknownStatistics.Status, unknownStatistics.Code));
    }

    [Fact]
    public async Task Agent_config_and_services_list_give_a_desktop_what_it_draws()
    {
        using var ana = _api.Agent("ana");

        var config = await Data(await Get(ana, "get_agent_config"));
        var services = await Data(await Get(ana, "get_services_list"));

        Assert.Equal("agent", config.GetProperty("role").GetString());
        Assert.Contains(config.GetProperty("skills").EnumerateArray(), s => s.GetProperty("skill_id").GetString() == "general" && s.GetProperty("level").GetInt32() == 80);
        var support = Assert.Single(config.GetProperty("services").EnumerateArray());
        Assert.Equal(("support", "manual"), (support.GetProperty("service_id").GetString(), support.GetProperty("answer_mode").GetString()));
        Assert.False(support.GetProperty("permissions").GetProperty("conference").GetBoolean());
        Assert.Contains("resolved", support.GetProperty("dispositions").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(["break", "lunch", "training"], config.GetProperty("pause_reasons").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("5000", Assert.Single(Assert.Single(services.GetProperty("services").EnumerateArray()).GetProperty("entry_points").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Queue_status_and_service_statistics_show_the_waiting_call()
    {
        using var supervisor = _api.Client("supervisor");
        using var ana = _api.Agent("ana");
        Assert.True((await _api.Acd.EnqueueAsync(new NewInteraction("call-q1", "support", MediaType.Voice, "call-q1", new CustomerData("+4930123")))).IsSuccess);

        var queues = await Data(await Get(ana, "get_queue_status", "service_id=support"));
        var statistics = await Data(await Get(supervisor, "get_service_statistics", "service_id=support"));
        var unknown = await Problem(await Get(supervisor, "get_queue_status", "service_id=nope"));
        var unknownStatistics = await Problem(await Get(supervisor, "get_service_statistics", "service_id=nope"));

        var queue = Assert.Single(queues.GetProperty("queues").EnumerateArray());
        Assert.Equal(1, queue.GetProperty("waiting").GetInt32());
        var waiting = Assert.Single(queue.GetProperty("interactions").EnumerateArray());
        Assert.Equal(("call-q1", 1, "+4930123"), (waiting.GetProperty("call_id").GetString(), waiting.GetProperty("position").GetInt32(), waiting.GetProperty("caller").GetString()));
        Assert.Equal(1, statistics.GetProperty("waiting").GetInt32());
        Assert.Equal((404, "service_not_found"), (unknown.Status, unknown.Code));
        Assert.Equal((404, "service_not_found"), (unknownStatistics.Status, unknownStatistics.Code));
    }

    [Fact]
    public async Task Reject_returns_an_offer_to_the_queue_and_classify_records_the_disposition()
    {
        using var ana = _api.Agent("ana");
        using var bruno = _api.Agent("bruno");
        await Data(await Post(ana, "agent_login"));
        Assert.True((await _api.Acd.EnqueueAsync(new NewInteraction("call-r1", "support", MediaType.Voice, "call-r1"))).IsSuccess);

        var brunoRejects = await Problem(await Post(bruno, "reject_call", new { call_id = "call-r1" }));
        Assert.Equal(403, brunoRejects.Status);
        var rejected = await Data(await Post(ana, "reject_call", new { call_id = "call-r1", client_data = "x" }));
        Assert.Equal("ana", rejected.GetProperty("agent_id").GetString());
        var notOffered = await Problem(await Post(ana, "reject_call", new { call_id = "call-r1" }));
        Assert.Equal((409, "no_pending_offer", "queued"), (notOffered.Status, notOffered.Code, notOffered.Problem.GetProperty("current_state").GetString()));
        var unknown = await Problem(await Post(ana, "reject_call", new { call_id = "nope" }));
        Assert.Equal((404, "call_not_found"), (unknown.Status, unknown.Code));
        var statistics = await Data(await Get(ana, "get_agent_statistics"));
        Assert.Equal(("available", 1), (statistics.GetProperty("state").GetString(), statistics.GetProperty("today").GetProperty("rejected").GetInt32()));

        // A second call is offered to ana, connected by her phone and ended: she classifies it.
        Assert.True((await _api.Acd.EnqueueAsync(new NewInteraction("call-c1", "support", MediaType.Voice, "call-c1"))).IsSuccess);
        Assert.True((await _api.Acd.OfferAcceptedAsync("call-c1", "ana")).IsSuccess);
        Assert.True((await _api.Acd.InteractionEndedAsync("call-c1")).IsSuccess);
        var badDisposition = await Problem(await Post(ana, "classify_call", new { call_id = "call-c1", disposition = "sold" }));
        Assert.Equal((400, "unknown_disposition", "disposition"), (badDisposition.Status, badDisposition.Code, badDisposition.Problem.GetProperty("field").GetString()));
        var classified = await Data(await Post(ana, "classify_call", new { call_id = "call-c1", disposition = "resolved" }));
        Assert.Equal("resolved", classified.GetProperty("disposition").GetString());
        var again = await Problem(await Post(ana, "classify_call", new { call_id = "call-c1", disposition = "resolved" }));
        Assert.Equal((409, "not_in_classification"), (again.Status, again.Code));
    }

    [Fact]
    public async Task Alarms_are_listed_and_acknowledging_an_unknown_one_is_404()
    {
        using var supervisor = _api.Client("supervisor");

        var alarms = await Data(await Get(supervisor, "get_alarms"));
        var unknown = await Problem(await Post(supervisor, "acknowledge_alarm", new { alarm_id = "alm_nope" }));

        Assert.Equal(0, alarms.GetProperty("alarms").GetArrayLength());
        Assert.Equal((404, "alarm_not_found"), (unknown.Status, unknown.Code));
    }

    [Fact]
    public async Task Snapshot_has_agents_calls_and_queues_scoped_to_an_agent_token()
    {
        using var admin = _api.Admin();
        using var ana = _api.Agent("ana");
        await Data(await Post(ana, "agent_login"));

        var all = await Data(await Get(admin, "get_snapshot"));
        var own = await Data(await Get(ana, "get_snapshot"));

        Assert.Equal(3, all.GetProperty("sections").GetProperty("agents").GetArrayLength());
        Assert.Equal(0, all.GetProperty("sections").GetProperty("calls").GetArrayLength());
        Assert.Equal("support", Assert.Single(all.GetProperty("sections").GetProperty("queues").EnumerateArray()).GetProperty("service_id").GetString());
        var me = Assert.Single(own.GetProperty("sections").GetProperty("agents").EnumerateArray());
        Assert.Equal(("ana", "available"), (me.GetProperty("agent_id").GetString(), me.GetProperty("state").GetString()));
    }

    public void Dispose() => _api.Dispose();
}
