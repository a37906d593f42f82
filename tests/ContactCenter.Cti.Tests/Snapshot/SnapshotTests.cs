using System.Net;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Snapshot;
using ContactCenter.Cti.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Cti.Tests.Snapshot;

public sealed class SnapshotTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Snapshot_holds_every_contributed_section_with_the_seq_and_stream_it_reflects()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, services: s =>
        {
            s.AddCtiSnapshotContributor<FakeAgents>();
            s.AddCtiSnapshotContributor<FakeQueues>();
        });
        host.Bus.Publish("agent.state_changed");
        host.Bus.Publish("agent.state_changed");
        using var client = host.Client(await host.CreateTokenAsync(CtiRoles.Supervisor));

        var (response, body) = await client.GetJsonAsync("/cti/v1/get_snapshot?client_data=%22s1%22");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body.GetProperty("data");
        Assert.Equal(2, data.GetProperty("seq").GetInt64());
        Assert.Equal(host.Bus.StreamId, data.Str("stream_id"));
        Assert.Equal(["agents", "queues"], data.GetProperty("sections").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["ana", "bob"], data.GetProperty("sections").GetProperty("agents").EnumerateArray().Select(a => a.Str("agent_id")));
        Assert.Equal("\"s1\"", body.GetProperty("client_data").GetRawText());
    }

    [Fact]
    public async Task An_agent_caller_reaches_the_contributors_as_itself_and_sections_can_be_chosen()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, services: s =>
        {
            s.AddCtiSnapshotContributor<FakeAgents>();
            s.AddCtiSnapshotContributor<FakeQueues>();
        });
        using var client = host.Client(await host.CreateTokenAsync(CtiRoles.Agent, "bob"));

        var (_, body) = await client.GetJsonAsync("/cti/v1/get_snapshot?sections=agents");
        var (unknown, unknownBody) = await client.GetJsonAsync("/cti/v1/get_snapshot?sections=calls");

        var sections = body.GetProperty("data").GetProperty("sections");
        Assert.Equal(["agents"], sections.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["bob"], sections.GetProperty("agents").EnumerateArray().Select(a => a.Str("agent_id")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("sections", unknownBody.Str("field"));
    }

    [Fact]
    public async Task Without_contributors_the_snapshot_is_empty_but_still_positioned()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        host.Bus.Publish("call.x");
        using var client = host.Client(host.AdminToken);

        var (_, body) = await client.GetJsonAsync("/cti/v1/get_snapshot");

        Assert.Equal(1, body.GetProperty("data").GetProperty("seq").GetInt64());
        Assert.Empty(body.GetProperty("data").GetProperty("sections").EnumerateObject());
    }

    public void Dispose() => _data.Dispose();

    private sealed class FakeAgents : ICtiSnapshotContributor
    {
        private static readonly AgentRow[] Agents = [new("ana", "available"), new("bob", "paused")];

        public string Section => "agents";

        public ValueTask<object> CaptureAsync(CtiCaller caller, CancellationToken cancellationToken) =>
            ValueTask.FromResult<object>(Agents.Where(a => caller.MayActFor(a.AgentId)).ToList());

        private sealed record AgentRow(string AgentId, string State);
    }

    private sealed class FakeQueues : ICtiSnapshotContributor
    {
        public string Section => "queues";

        public ValueTask<object> CaptureAsync(CtiCaller caller, CancellationToken cancellationToken) =>
            ValueTask.FromResult<object>(new { sales = new { waiting = 3 } });
    }
}
