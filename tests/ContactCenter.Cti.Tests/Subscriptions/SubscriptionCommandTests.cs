using System.Net;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;

namespace ContactCenter.Cti.Tests.Subscriptions;

public sealed class SubscriptionCommandTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private CtiTestHost _host = null!;

    [Theory]
    [InlineData("""{"types":["Call.Offered"]}""", "types", "invalid_field")]
    [InlineData("""{"types":["call.*.*"]}""", "types", "invalid_field")]
    [InlineData("""{"agents":[""]}""", "agents[0]", "invalid_field")]
    [InlineData("""{"delivery":"carrier_pigeon"}""", "delivery", "invalid_field")]
    [InlineData("""{"delivery":"webhook"}""", "webhook", "missing_field")]
    [InlineData("""{"delivery":"webhook","webhook":{"url":"ftp://crm/hook"}}""", "webhook.url", "invalid_field")]
    [InlineData("""{"delivery":"webhook","webhook":{"url":"https://user:pw@crm/hook"}}""", "webhook.url", "invalid_field")]
    [InlineData("""{"delivery":"webhook","webhook":{"url":"https://crm/hook","secret":"short"}}""", "webhook.secret", "invalid_field")]
    [InlineData("""{"delivery":"webhook","webhook":{}}""", "webhook.url", "missing_field")]
    [InlineData("""{"webhook":{"url":"https://crm/hook"}}""", "webhook", "invalid_field")]
    public async Task Subscribe_refuses_bad_input_naming_the_field(string json, string field, string code)
    {
        using var client = _host.Client(await _host.CreateTokenAsync(CtiRoles.Integrator));

        var (response, body) = await client.PostRawAsync("/cti/v1/subscribe", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(field, body.Str("field"));
    }

    [Fact]
    public async Task An_agent_token_subscribes_to_itself_only_and_on_the_channel_only()
    {
        using var agent = _host.Client(await _host.CreateTokenAsync(CtiRoles.Agent, "ana"));

        var (other, otherBody) = await agent.PostAsync("/cti/v1/subscribe", new { agents = new[] { "bob" } });
        var (webhook, webhookBody) = await agent.PostAsync("/cti/v1/subscribe", new { delivery = "webhook", webhook = new { url = "https://crm/hook" } });
        var (own, ownBody) = await agent.PostAsync("/cti/v1/subscribe", new { types = new[] { "call.*" } });

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("agent_scope_violation", otherBody.Str("code"));
        Assert.Equal(HttpStatusCode.Forbidden, webhook.StatusCode);
        Assert.Equal("webhook_not_permitted", webhookBody.Str("code"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["ana"], ownBody.GetProperty("data").GetProperty("subscription").GetProperty("agents").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public async Task Tokens_see_and_remove_their_own_subscriptions_admins_and_supervisors_see_all()
    {
        string first = await _host.CreateTokenAsync(CtiRoles.Integrator, name: "first");
        string second = await _host.CreateTokenAsync(CtiRoles.Integrator, name: "second");
        string supervisor = await _host.CreateTokenAsync(CtiRoles.Supervisor);
        string mine = await _host.SubscribeAsync(first, new { types = new[] { "call.*" } });
        string theirs = await _host.SubscribeAsync(second, new { });
        using var firstClient = _host.Client(first);
        using var supervisorClient = _host.Client(supervisor);

        var (_, own) = await firstClient.GetJsonAsync("/cti/v1/get_subscriptions");
        var (forbidden, _) = await firstClient.GetJsonAsync("/cti/v1/get_subscriptions?all=true");
        var (_, all) = await supervisorClient.GetJsonAsync("/cti/v1/get_subscriptions?all=true");
        var (foreign, foreignBody) = await firstClient.PostAsync("/cti/v1/unsubscribe", new { subscription_id = theirs });
        var (removed, _) = await firstClient.PostAsync("/cti/v1/unsubscribe", new { subscription_id = mine });
        var (again, againBody) = await firstClient.PostAsync("/cti/v1/unsubscribe", new { subscription_id = mine });

        Assert.Equal([mine], own.GetProperty("data").GetProperty("subscriptions").EnumerateArray().Select(s => s.Str("id")));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(2, all.GetProperty("data").GetProperty("subscriptions").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("subscription_not_found", foreignBody.Str("code"));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("subscription_not_found", againBody.Str("code"));
    }

    [Fact]
    public async Task A_token_holds_a_bounded_number_of_subscriptions()
    {
        await using var host = await CtiTestHost.StartAsync(Path.Combine(_data.Path, "limited"), configure: o => o.MaxSubscriptionsPerToken = 2);
        using var client = host.Client(await host.CreateTokenAsync(CtiRoles.Integrator));

        for (int i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/cti/v1/subscribe", new { })).Response.StatusCode);
        var (third, body) = await client.PostAsync("/cti/v1/subscribe", new { });

        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("subscription_limit_reached", body.Str("code"));
    }

    public async Task InitializeAsync() => _host = await CtiTestHost.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
