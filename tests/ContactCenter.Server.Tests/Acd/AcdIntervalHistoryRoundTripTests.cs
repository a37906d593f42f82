using System.Net;
using System.Net.Http.Json;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Server.Tests.Acd;

/// <summary>
/// The interval history end to end on a fake clock: work handled in the 09:00 interval is persisted by the ACD when the
/// interval ends at 09:15 and read back by the history API as it was counted.
/// </summary>
public sealed class AcdIntervalHistoryRoundTripTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly AcdApi _api;

    public AcdIntervalHistoryRoundTripTests() => _api = new AcdApi(time: _time);

    [Fact]
    public async Task An_interval_closed_by_the_acd_is_read_back_by_the_history_api()
    {
        using var admin = _api.Admin();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/services", new { id = "sales", name = "Sales", serviceLevelSeconds = 20 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/acd/agents",
            new { id = "ana", name = "Ana", extension = "1001", services = new[] { "sales" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/acd/agents/ana/login", JsonContent.Create(new { }))).StatusCode);
        var runtime = _api.Services.GetRequiredService<AcdRuntime>();

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await runtime.EnqueueAsync(new NewInteraction("i1", "sales", ContactCenter.Acd.Configuration.MediaType.Voice)).WaitAsync(Wait)).IsSuccess);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.True((await runtime.OfferAcceptedAsync("i1", "ana").WaitAsync(Wait)).IsSuccess);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await runtime.InteractionEndedAsync("i1").WaitAsync(Wait)).IsSuccess);
        _time.Advance(TimeSpan.FromMinutes(15)); // past 09:15: the 09:00 interval closes
        await runtime.RunAsync(_ => true).WaitAsync(Wait);
        await _api.Services.GetRequiredService<SqliteHistorySink>().FlushAsync().WaitAsync(Wait);

        var services = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/services/sales/intervals?from=2025-03-10T09:00:00Z&to=2025-03-10T09:15:00Z"));
        var agents = await AcdApi.Json(await admin.GetAsync("/api/v1/acd/agents/ana/intervals?from=2025-03-10T08:00:00Z&to=2025-03-10T10:00:00Z"));

        var row = Assert.Single(services.GetProperty("intervals").EnumerateArray());
        Assert.Equal(DateTimeOffset.Parse("2025-03-10T09:00:00Z"), row.GetProperty("start").GetDateTimeOffset());
        Assert.Equal((1, 1, 1, 1), (row.GetProperty("offered").GetInt32(), row.GetProperty("answered").GetInt32(),
            row.GetProperty("answeredWithinThreshold").GetInt32(), row.GetProperty("handled").GetInt32()));
        Assert.Equal((4.0, 60.0), (row.GetProperty("asaSeconds").GetDouble(), row.GetProperty("ahtSeconds").GetDouble()));
        var agentRow = Assert.Single(agents.GetProperty("intervals").EnumerateArray());
        Assert.Equal((1, 60.0, 900.0), (agentRow.GetProperty("handled").GetInt32(), agentRow.GetProperty("talkSeconds").GetDouble(),
            agentRow.GetProperty("loggedInSeconds").GetDouble()));
    }

    public void Dispose() => _api.Dispose();
}
