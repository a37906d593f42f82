using System.Net;
using System.Net.Http.Json;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.Acd;

/// <summary>The interval history API (persisted 15-minute rows) and the supervisors' transfer endpoint, without phones.</summary>
public sealed class AcdHistoryAndTransferApiTests : IDisposable
{
    private readonly AcdApi _api = new();

    private async Task SeedAsync(HttpClient admin)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/services", new { id = "sales", name = "Sales" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/services", new { id = "billing", name = "Billing" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/agents",
            new { id = "ana", name = "Ana", extension = "1001", services = new[] { "sales" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/agents",
            new { id = "bia", name = "Bia", extension = "1002", services = new[] { "billing" } })).StatusCode);
    }

    private void InsertServiceInterval(string serviceId, string start, int offered, int answered)
    {
        using var connection = _api.Services.GetRequiredService<IDbConnectionFactory>().Open();
        connection.Execute("""
            INSERT INTO acd_service_intervals (service_id, interval_start, offered, answered, answered_in_sl, abandoned, overflowed, handled,
                service_level, asa_seconds, aht_seconds)
            VALUES (@serviceId, @start, @offered, @answered, @answered, 0, 0, @answered, 100, 4.5, 120)
            """, new { serviceId, start, offered, answered });
    }

    private void InsertAgentInterval(string agentId, string start, int handled)
    {
        using var connection = _api.Services.GetRequiredService<IDbConnectionFactory>().Open();
        connection.Execute("""
            INSERT INTO acd_agent_intervals (agent_id, interval_start, offered, handled, rejected, ronas, talk_seconds, hold_seconds,
                wrap_seconds, logged_in_seconds, paused_seconds, occupancy)
            VALUES (@agentId, @start, @handled, @handled, 0, 0, 300, 0, 30, 900, 0, 36.67)
            """, new { agentId, start, handled });
    }

    [Fact]
    public async Task Interval_history_returns_the_persisted_rows_of_the_range_oldest_first()
    {
        using var admin = _api.Admin();
        using var supervisor = _api.Client("supervisor");
        await SeedAsync(admin);
        // As the history writer stores them: DateTimeOffset.ToString("O") at offset zero.
        InsertServiceInterval("sales", "2025-03-10T09:15:00.0000000+00:00", 7, 6);
        InsertServiceInterval("sales", "2025-03-10T09:00:00.0000000+00:00", 5, 4);
        InsertServiceInterval("sales", "2025-03-10T10:00:00.0000000+00:00", 9, 9); // outside [09:00, 10:00)
        InsertServiceInterval("billing", "2025-03-10T09:00:00.0000000+00:00", 1, 1);
        InsertAgentInterval("ana", "2025-03-10T09:00:00.0000000+00:00", 3);

        var services = await AcdApi.Json(await supervisor.GetAsync("/api/v1/acd/services/sales/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T10:00:00Z"));
        var agents = await AcdApi.Json(await supervisor.GetAsync("/api/v1/acd/agents/ana/intervals?from=2025-03-10T06:00:00-03:00&to=2025-03-10T07:00:00-03:00"));
        var empty = await AcdApi.Json(await supervisor.GetAsync("/api/v1/acd/agents/bia/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T10:00:00Z"));

        var rows = services.GetProperty("intervals").EnumerateArray().ToList();
        Assert.Equal([(5, 4), (7, 6)], rows.Select(r => (r.GetProperty("offered").GetInt32(), r.GetProperty("answered").GetInt32())));
        Assert.Equal(DateTimeOffset.Parse("2025-03-10T09:00:00Z"), rows[0].GetProperty("start").GetDateTimeOffset());
        Assert.Equal(120, rows[0].GetProperty("ahtSeconds").GetDouble());
        var agentRow = Assert.Single(agents.GetProperty("intervals").EnumerateArray());
        Assert.Equal((3, 36.67), (agentRow.GetProperty("handled").GetInt32(), agentRow.GetProperty("occupancy").GetDouble()));
        Assert.Equal(0, empty.GetProperty("intervals").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/acd/services/sales/intervals", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/acd/services/sales/intervals?from=2025-03-10T09:00:00Z", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/acd/services/sales/intervals?from=yesterday&to=2025-03-10T09:00:00Z", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/acd/services/sales/intervals?from=2025-03-10T10:00:00Z&to=2025-03-10T09:00:00Z", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/acd/agents/ana/intervals?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z", HttpStatusCode.BadRequest, "validation_failed")]
    [InlineData("/api/v1/acd/services/nope/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T10:00:00Z", HttpStatusCode.NotFound, "service_not_found")]
    [InlineData("/api/v1/acd/agents/nope/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T10:00:00Z", HttpStatusCode.NotFound, "agent_not_found")]
    public async Task Bad_ranges_and_unknown_ids_are_problem_details(string path, HttpStatusCode status, string code)
    {
        using var admin = _api.Admin();
        await SeedAsync(admin);

        var response = await admin.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await AcdApi.Code(response));
    }

    [Fact]
    public async Task Interval_history_needs_a_supervisor()
    {
        using var anonymous = _api.Client(null);
        using var agent = _api.Client("agent");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/acd/services/sales/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T10:00:00Z")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/acd/agents/ana/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T10:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_moves_a_waiting_interaction_to_another_service_or_offers_it_to_an_agent()
    {
        using var admin = _api.Admin();
        await SeedAsync(admin);
        var runtime = _api.Services.GetRequiredService<AcdRuntime>();
        Assert.True((await runtime.EnqueueAsync(new NewInteraction("i1", "sales", ContactCenter.Acd.Configuration.MediaType.Voice))).IsSuccess);

        var neither = await AcdApi.Post(admin, "/api/v1/acd/interactions/i1/transfer", new { });
        var both = await AcdApi.Post(admin, "/api/v1/acd/interactions/i1/transfer", new { serviceId = "billing", agentId = "bia" });
        var unknown = await AcdApi.Post(admin, "/api/v1/acd/interactions/nope/transfer", new { serviceId = "billing" });
        var loggedOut = await AcdApi.Post(admin, "/api/v1/acd/interactions/i1/transfer", new { agentId = "bia" });
        var moved = await AcdApi.Post(admin, "/api/v1/acd/interactions/i1/transfer", new { serviceId = "billing" });

        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (neither.StatusCode, await AcdApi.Code(neither)));
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (both.StatusCode, await AcdApi.Code(both)));
        Assert.Equal((HttpStatusCode.NotFound, "interaction_not_found"), (unknown.StatusCode, await AcdApi.Code(unknown)));
        Assert.Equal((HttpStatusCode.Conflict, "agent_not_available"), (loggedOut.StatusCode, await AcdApi.Code(loggedOut)));
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal("billing", await runtime.RunAsync(e => e.Interactions["i1"].ServiceId));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/acd/agents/bia/login", JsonContent.Create(new { }))).StatusCode);
        // bia took it at login (billing's only agent); ana, logged in now, gets it offered directly instead.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/acd/agents/ana/login", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal("bia", await runtime.RunAsync(e => e.Interactions["i1"].AgentId));
        var direct = await AcdApi.Post(admin, "/api/v1/acd/interactions/i1/transfer", new { agentId = "ana" });
        Assert.Equal(HttpStatusCode.NoContent, direct.StatusCode);
        Assert.Equal(("ana", InteractionState.Offered), await runtime.RunAsync(e => (e.Interactions["i1"].AgentId, e.Interactions["i1"].State)));
    }

    [Fact]
    public async Task A_service_takes_record_and_the_announcement_interval_and_refuses_an_interval_out_of_range()
    {
        using var admin = _api.Admin();

        var created = await admin.PostAsJsonAsync("/api/v1/acd/services", new
        {
            id = "rec", name = "Recorded", record = true, announcements = new { position = true, expectedWait = true, intervalSeconds = 45 },
        });
        var bad = await admin.PostAsJsonAsync("/api/v1/acd/services", new { id = "bad", name = "Bad", announcements = new { position = true, intervalSeconds = 1 } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/services/rec"));
        Assert.True(read.GetProperty("record").GetBoolean());
        Assert.Equal(45, read.GetProperty("announcements").GetProperty("intervalSeconds").GetInt32());
        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (bad.StatusCode, await AcdApi.Code(bad)));
    }

    public void Dispose() => _api.Dispose();
}
