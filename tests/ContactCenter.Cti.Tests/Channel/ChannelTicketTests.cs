using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Cti.Tests.Channel;

/// <summary>One-time channel tickets for browsers (EventSource and WebSocket cannot send an Authorization header), on real Kestrel.</summary>
public sealed class ChannelTicketTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static async Task<(string Ticket, string ChannelUrl, string WebsocketUrl)> CreateTicketAsync(CtiTestHost host, string token, string subscription)
    {
        using var client = host.Client(token);
        var (response, body) = await client.PostAsync("/cti/v1/create_channel_ticket", new { subscription_id = subscription });
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var data = body.GetProperty("data");
        Assert.Equal(subscription, data.Str("subscription_id"));
        return (data.Str("ticket"), data.Str("channel_url"), data.Str("websocket_url"));
    }

    // An EventSource's request: no Authorization header.
    private static async Task<HttpResponseMessage> OpenWithoutHeaderAsync(CtiTestHost host, string url)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string detailContains)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("unauthorized", problem.Str("code"));
        Assert.Contains(detailContains, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_opens_the_SSE_channel_once_without_an_Authorization_header_and_events_flow()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var (ticket, channelUrl, _) = await CreateTicketAsync(host, token, subscription);
        Assert.StartsWith(ChannelTickets.Prefix, ticket, StringComparison.Ordinal);
        Assert.Equal($"/cti/v1/channel/{subscription}?ticket={ticket}", channelUrl);

        using var stream = await OpenWithoutHeaderAsync(host, channelUrl);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        var published = host.Bus.Publish("call.offered", null, new EventSubject(CallId: "c1"));
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(), Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && line != $"id: {published.Seq}");
        Assert.Equal($"id: {published.Seq}", line);

        using var again = await OpenWithoutHeaderAsync(host, channelUrl);
        await AssertUnauthorizedAsync(again, "unknown, already used or expired");
        Assert.Equal(0, host.Services.GetRequiredService<ChannelTickets>().Outstanding);
    }

    [Fact]
    public async Task A_ticket_opens_the_WebSocket_channel_once()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Agent, agentId: "ana");
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var (ticket, _, websocketUrl) = await CreateTicketAsync(host, token, subscription);
        Assert.Equal($"/cti/v1/channel/{subscription}/ws?ticket={ticket}", websocketUrl);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketChannelClient.UpgradeStatusAsync(host, null, subscription, "ticket=" + ticket));
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketChannelClient.UpgradeStatusAsync(host, null, subscription, "ticket=" + ticket));
    }

    [Fact]
    public async Task An_expired_ticket_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z"));
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, time: time,
            configure: o => o.ChannelTicketLifetime = TimeSpan.FromSeconds(30));
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var (_, late, _) = await CreateTicketAsync(host, token, subscription);
        var (_, inTime, _) = await CreateTicketAsync(host, token, subscription);

        time.Advance(TimeSpan.FromSeconds(29));
        using (var opened = await OpenWithoutHeaderAsync(host, inTime))
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        time.Advance(TimeSpan.FromSeconds(1));
        using var refused = await OpenWithoutHeaderAsync(host, late);
        await AssertUnauthorizedAsync(refused, "unknown, already used or expired");
    }

    [Fact]
    public async Task A_ticket_opens_only_its_own_subscription_and_a_wrong_try_burns_it()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string mine = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        string other = await host.SubscribeAsync(token, new { types = new[] { "agent.*" } });
        var (ticket, channelUrl, _) = await CreateTicketAsync(host, token, mine);

        using var wrong = await OpenWithoutHeaderAsync(host, $"/cti/v1/channel/{other}?ticket={ticket}");
        await AssertUnauthorizedAsync(wrong, "another subscription");
        using var burnt = await OpenWithoutHeaderAsync(host, channelUrl);
        await AssertUnauthorizedAsync(burnt, "unknown, already used or expired");
    }

    [Fact]
    public async Task A_ticket_is_no_credential_anywhere_but_the_channel()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var (ticket, channelUrl, _) = await CreateTicketAsync(host, token, subscription);

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var command = await http.GetAsync($"/cti/v1/get_subscriptions?ticket={ticket}");
        await AssertUnauthorizedAsync(command, "needs a bearer token");
        using var opened = await OpenWithoutHeaderAsync(host, channelUrl); // not used up by the refused command
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task A_ticket_dies_with_the_token_that_made_it()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator, name: "crm");
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var (_, channelUrl, _) = await CreateTicketAsync(host, token, subscription);
        var store = host.Services.GetRequiredService<ApiTokenStore>();
        Assert.True(store.Revoke(store.FindActive(ApiTokenSecret.Hash(token))!.Id));

        using var refused = await OpenWithoutHeaderAsync(host, channelUrl);
        await AssertUnauthorizedAsync(refused, "revoked");
    }

    [Fact]
    public async Task Tickets_are_made_only_for_a_channel_subscription_the_caller_may_manage()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string ana = await host.CreateTokenAsync(CtiRoles.Agent, agentId: "ana");
        string bruno = await host.CreateTokenAsync(CtiRoles.Agent, agentId: "bruno");
        string integrator = await host.CreateTokenAsync(CtiRoles.Integrator);
        string anas = await host.SubscribeAsync(ana, new { types = new[] { "call.*" } });
        string webhook = await host.SubscribeAsync(integrator, new
        {
            types = new[] { "call.*" },
            delivery = "webhook",
            webhook = new { url = "https://crm.example.com/hook", secret = "0123456789abcdef0123456789abcdef" },
        });

        using var asBruno = host.Client(bruno);
        var (notHis, notHisBody) = await asBruno.PostAsync("/cti/v1/create_channel_ticket", new { subscription_id = anas });
        Assert.Equal(HttpStatusCode.NotFound, notHis.StatusCode);
        Assert.Equal("subscription_not_found", notHisBody.Str("code"));

        using var asIntegrator = host.Client(integrator);
        var (notChannel, notChannelBody) = await asIntegrator.PostAsync("/cti/v1/create_channel_ticket", new { subscription_id = webhook });
        Assert.Equal(HttpStatusCode.Conflict, notChannel.StatusCode);
        Assert.Equal("not_a_channel_subscription", notChannelBody.Str("code"));

        var (missing, missingBody) = await asIntegrator.PostAsync("/cti/v1/create_channel_ticket", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("subscription_id", missingBody.Str("field"));
        Assert.Equal(0, host.Services.GetRequiredService<ChannelTickets>().Outstanding);
    }
}
