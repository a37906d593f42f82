using System.Net;
using System.Net.Http.Json;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.Acd;

public sealed class AcdAdminApiTests : IDisposable
{
    private readonly AcdApi _api = new();

    private async Task SeedAsync(HttpClient admin)
    {
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/skills", new { id = "sales", name = "Sales" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/dispositions", new { id = "sold", name = "Sold" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/pause-reasons", new { id = "break", name = "Break" })).StatusCode);
        var service = await admin.PostAsJsonAsync("/api/v1/acd/services", new
        {
            id = "sales", name = "Sales line", entryPoints = new[] { "5000" }, classificationSeconds = 30, postCallSeconds = 10,
            strategy = "best_skill", profile = new[] { new { skillId = "sales", minimumLevel = 50 } }, dispositions = new[] { "sold" },
        });
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);
        var agent = await admin.PostAsJsonAsync("/api/v1/acd/agents", new
        {
            id = "ana", name = "Ana", extension = "1001", skills = new[] { new { skillId = "sales", level = 80 } }, services = new[] { "sales" },
        });
        Assert.Equal(HttpStatusCode.Created, agent.StatusCode);
    }

    [Fact]
    public async Task Create_read_update_delete_through_the_api_reaches_the_store_and_the_routing_engine()
    {
        using var admin = _api.Admin();
        await SeedAsync(admin);

        var listed = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/agents"));
        var ana = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("ana", "logged_out", "1001"), (ana.GetProperty("id").GetString(), ana.GetProperty("state").GetString(), ana.GetProperty("extension").GetString()));
        var service = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/services/sales"));
        Assert.Equal(("best_skill", 30, "voice"), (service.GetProperty("strategy").GetString(), service.GetProperty("classificationSeconds").GetInt32(), service.GetProperty("media").GetString()));

        var update = await admin.PutAsJsonAsync("/api/v1/acd/services/sales", new
        {
            name = "Sales line", strategy = "round_robin", profile = new[] { new { skillId = "sales", minimumLevel = 50 } }, dispositions = new[] { "sold" },
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("round_robin", (await AcdApi.Json(await admin.GetAsync("/api/v1/acd/services/sales"))).GetProperty("strategy").GetString());

        // The engine sees the configuration: log in through the API, an interaction is offered to ana.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/v1/acd/agents/ana/login", new { })).StatusCode);
        var runtime = _api.Services.GetRequiredService<AcdRuntime>();
        Assert.True((await runtime.EnqueueAsync(new NewInteraction("call-1", "sales", ContactCenter.Acd.Configuration.MediaType.Voice))).IsSuccess);
        var agent = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/agents/ana"));
        Assert.Equal("offered", agent.GetProperty("state").GetString());
        var statistics = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/services/sales/statistics"));
        Assert.Equal(1, statistics.GetProperty("today").GetProperty("offered").GetInt32());

        // Persisted: the rows are in SQLite.
        using (var connection = _api.Services.GetRequiredService<ContactCenter.Storage.IDbConnectionFactory>().Open())
        {
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM acd_agents WHERE id = 'ana'"));
            Assert.Contains("round_robin", connection.ExecuteScalar<string>("SELECT definition FROM acd_services WHERE id = 'sales'"));
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/skills", new { id = "spare", name = "Spare" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/acd/skills/spare")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/acd/skills/spare")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_with_stable_codes_and_changes_nothing()
    {
        using var admin = _api.Admin();
        await SeedAsync(admin);

        var unknownSkill = await admin.PostAsJsonAsync("/api/v1/acd/agents", new { id = "bruno", name = "Bruno", extension = "1002", skills = new[] { new { skillId = "karate", level = 10 } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownSkill.StatusCode);
        Assert.Equal("unknown_skill", await AcdApi.Code(unknownSkill));

        var missing = await admin.GetAsync("/api/v1/acd/agents/nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("agent_not_found", await AcdApi.Code(missing));

        var duplicate = await admin.PostAsJsonAsync("/api/v1/acd/skills", new { id = "sales", name = "Again" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("duplicate_id", await AcdApi.Code(duplicate));

        var badStrategy = await admin.PostAsJsonAsync("/api/v1/acd/services", new { id = "x", name = "X", strategy = "random" });
        Assert.Equal("validation_failed", await AcdApi.Code(badStrategy));

        var badId = await admin.PostAsJsonAsync("/api/v1/acd/skills", new { id = "has space", name = "X" });
        Assert.Equal("validation_failed", await AcdApi.Code(badId));

        var inUse = await admin.DeleteAsync("/api/v1/acd/skills/sales");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("in_use", await AcdApi.Code(inUse));

        var illegal = await admin.PostAsync("/api/v1/acd/agents/ana/logout", null);
        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        Assert.Equal("invalid_state_transition", await AcdApi.Code(illegal));

        var notClassifying = await admin.PostAsJsonAsync("/api/v1/acd/agents/ana/login", new { });
        Assert.Equal(HttpStatusCode.NoContent, notClassifying.StatusCode);
        var classify = await admin.PostAsJsonAsync("/api/v1/acd/agents/ana/classify", new { interactionId = "x", disposition = "sold" });
        Assert.Equal("not_in_classification", await AcdApi.Code(classify));

        var badRule = await admin.PostAsJsonAsync("/api/v1/acd/alarm-rules", new { id = "r", name = "R", metric = "waiting", threshold = 5, clearThreshold = 9 });
        Assert.Equal("validation_failed", await AcdApi.Code(badRule));

        var garbage = await admin.PostAsync("/api/v1/acd/skills", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);

        Assert.Single((await AcdApi.Json(await admin.GetAsync("/api/v1/acd/skills"))).EnumerateArray());
        Assert.Single((await AcdApi.Json(await admin.GetAsync("/api/v1/acd/agents"))).EnumerateArray());
    }

    [Fact]
    public async Task Reads_need_a_supervisor_writes_an_admin_and_nothing_is_anonymous()
    {
        using var anonymous = _api.Client(null);
        using var supervisor = _api.Client("supervisor");
        using var agent = _api.Client("agent");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/acd/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/acd/skills", new { id = "s", name = "S" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/acd/services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/acd/services")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/v1/acd/skills", new { id = "s", name = "S" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.DeleteAsync("/api/v1/acd/agents/x")).StatusCode);
    }

    [Fact]
    public async Task A_fresh_store_gets_the_demo_configuration_once()
    {
        using var demo = new AcdApi(demo: true);
        using var admin = demo.Admin();
        var agents = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/agents"));
        Assert.Equal(["1001", "1002", "1003"], agents.EnumerateArray().Select(a => a.GetProperty("extension").GetString()));
        var service = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/services/support"));
        Assert.Equal(30, service.GetProperty("classificationSeconds").GetInt32());
        Assert.Equal(7, (await AcdApi.Json(await admin.GetAsync("/api/v1/acd/alarm-rules"))).GetArrayLength()); // 2 service rules, 5 built-in system alarms
        var store = demo.Services.GetRequiredService<AcdConfigurationStore>();
        Assert.False(store.IsEmpty());
    }

    public void Dispose() => _api.Dispose();
}
