using System.Net;
using System.Text.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;

namespace ContactCenter.Cti.Tests.Channel;

/// <summary>The SSE channel on a real Kestrel socket.</summary>
public sealed class ChannelTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Delivers_the_filtered_events_in_seq_order_with_their_client_data()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" }, services = new[] { "sales" } });
        await using var channel = await SseClient.ConnectAsync(host, token, subscription);

        var clientData = JsonDocument.Parse("""{"ticket":42}""").RootElement;
        host.Bus.Publish("call.offered", new { caller = "+5511" }, new EventSubject(CallId: "c1", ServiceId: "sales"), clientData);
        host.Bus.Publish("agent.state_changed", null, new EventSubject(AgentId: "ana", ServiceId: "sales"));
        host.Bus.Publish("call.offered", null, new EventSubject(CallId: "c2", ServiceId: "support"));
        var answered = host.Bus.Publish("call.answered", null, new EventSubject(CallId: "c1", ServiceId: "sales"));

        var first = await channel.ReadEventAsync();
        var second = await channel.ReadEventAsync();

        Assert.Equal("message", first.Event);
        Assert.Equal(1, first.Seq);
        var envelope = first.Json();
        Assert.Equal("call.offered", envelope.Str("type"));
        Assert.Equal(1, envelope.GetProperty("seq").GetInt64());
        Assert.Equal("""{"ticket":42}""", envelope.GetProperty("client_data").GetRawText());
        Assert.Equal("+5511", envelope.GetProperty("payload").Str("caller"));
        Assert.Equal(answered.Seq, second.Seq);
        Assert.Equal("call.answered", second.Json().Str("type"));
    }

    [Fact]
    public async Task Resume_after_a_forced_disconnect_has_no_gap_and_no_duplicate()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var expected = new List<long>();
        var received = new List<long>();

        var channel = await SseClient.ConnectAsync(host, token, subscription);
        for (int i = 0; i < 50; i++)
        {
            var e = host.Bus.Publish(i % 3 == 0 ? "agent.noise" : "call.progress", null, new EventSubject(CallId: "c" + i));
            if (e.Type.StartsWith("call.", StringComparison.Ordinal))
                expected.Add(e.Seq);
        }
        for (int i = 0; i < 10; i++)
            received.Add((await channel.ReadEventAsync()).Seq);
        await channel.DisposeAsync(); // the connection drops mid-stream; the server does not know what else arrived

        for (int i = 0; i < 50; i++)
            expected.Add(host.Bus.Publish("call.progress", null, new EventSubject(CallId: "late" + i)).Seq);

        await using var resumed = await SseClient.ConnectAsync(host, token, subscription, lastEventId: received[^1].ToString());
        while (received.Count < expected.Count)
            received.Add((await resumed.ReadEventAsync()).Seq);

        Assert.Equal(expected, received);
        // and nothing more arrives: no duplicate at the end either
        var next = host.Bus.Publish("call.final", null, new EventSubject(CallId: "z"));
        Assert.Equal(next.Seq, (await resumed.ReadEventAsync()).Seq);
    }

    [Fact]
    public async Task A_position_older_than_the_history_gets_resync_required_then_live_events()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true,
            busOptions: new InProcessEventBusOptions { HistoryCapacity = 16 });
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        var channel = await SseClient.ConnectAsync(host, token, subscription);
        host.Bus.Publish("call.one");
        long last = (await channel.ReadEventAsync()).Seq;
        await channel.DisposeAsync();
        for (int i = 0; i < 40; i++)
            host.Bus.Publish("call.missed");

        await using var resumed = await SseClient.ConnectAsync(host, token, subscription, lastEventId: last.ToString());
        var resync = await resumed.ReadEventAsync();
        var live = host.Bus.Publish("call.after");
        var next = await resumed.ReadEventAsync();

        Assert.Equal("resync_required", resync.Event);
        var notice = resync.Json();
        Assert.Equal("history_expired", notice.Str("reason"));
        Assert.Equal(41, notice.GetProperty("resume_after_seq").GetInt64());
        Assert.Equal(41, resync.Seq);
        Assert.Equal(host.Bus.StreamId, notice.Str("stream_id"));
        Assert.Equal(live.Seq, next.Seq);
    }

    [Fact]
    public async Task The_first_connection_replays_everything_since_subscribing_later_ones_need_a_position()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        host.Bus.Publish("call.before");
        string subscription = await host.SubscribeAsync(token, new { });
        var afterSubscribing = host.Bus.Publish("call.after");

        var first = await SseClient.ConnectAsync(host, token, subscription);
        Assert.Equal(afterSubscribing.Seq, (await first.ReadEventAsync()).Seq);
        await first.DisposeAsync();

        await using var second = await SseClient.ConnectAsync(host, token, subscription);
        var notice = await second.ReadEventAsync();
        Assert.Equal("resync_required", notice.Event);
        Assert.Equal("no_position", notice.Json().Str("reason"));
    }

    [Fact]
    public async Task After_a_server_restart_an_old_position_gets_resync_required_stream_changed()
    {
        string token, subscription;
        await using (var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true))
        {
            token = await host.CreateTokenAsync(CtiRoles.Integrator);
            subscription = await host.SubscribeAsync(token, new { });
            await using var channel = await SseClient.ConnectAsync(host, token, subscription);
            for (int i = 0; i < 5; i++)
                host.Bus.Publish("call.before_restart");
            for (int i = 1; i <= 5; i++)
                Assert.Equal(i, (await channel.ReadEventAsync()).Seq);
        }
        const long last = 5;

        await using var restarted = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        for (int i = 0; i < 8; i++)
            restarted.Bus.Publish("call.after_restart"); // the new stream is already past the old position
        await using var resumed = await SseClient.ConnectAsync(restarted, token, subscription, lastEventId: last.ToString());

        var notice = await resumed.ReadEventAsync();
        Assert.Equal("resync_required", notice.Event);
        Assert.Equal("stream_changed", notice.Json().Str("reason"));
        Assert.Equal(restarted.Bus.StreamId, notice.Json().Str("stream_id"));
    }

    [Fact]
    public async Task An_agent_subscription_sees_only_events_about_its_own_agent()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string agent = await host.CreateTokenAsync(CtiRoles.Agent, agentId: "ana");
        string subscription = await host.SubscribeAsync(agent, new { types = new[] { "agent.*", "call.*" } });
        await using var channel = await SseClient.ConnectAsync(host, agent, subscription);

        host.Bus.Publish("agent.state_changed", null, new EventSubject(AgentId: "bob"));
        host.Bus.Publish("call.offered", null, new EventSubject(CallId: "c1"));
        var own = host.Bus.Publish("call.offered", null, new EventSubject(CallId: "c2", AgentId: "ana"));
        host.Bus.Publish("call.offered", null, new EventSubject(CallId: "c3", AgentId: "bob"));
        var ownState = host.Bus.Publish("agent.state_changed", null, new EventSubject(AgentId: "ana"));

        Assert.Equal(own.Seq, (await channel.ReadEventAsync()).Seq);
        Assert.Equal(ownState.Seq, (await channel.ReadEventAsync()).Seq);
    }

    [Fact]
    public async Task A_channel_belongs_to_its_token_and_only_to_channel_subscriptions()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string owner = await host.CreateTokenAsync(CtiRoles.Integrator, name: "owner");
        string other = await host.CreateTokenAsync(CtiRoles.Integrator, name: "other");
        string subscription = await host.SubscribeAsync(owner, new { });
        string webhook = await host.SubscribeAsync(owner, new { delivery = "webhook", webhook = new { url = "http://127.0.0.1:9/hook" } });

        using var otherClient = host.Client(other);
        var (foreign, foreignBody) = await otherClient.GetJsonAsync($"/cti/v1/channel/{subscription}");
        using var ownerClient = host.Client(owner);
        var (notChannel, notChannelBody) = await ownerClient.GetJsonAsync($"/cti/v1/channel/{webhook}");
        var (badPosition, badPositionBody) = await ownerClient.GetJsonAsync($"/cti/v1/channel/{subscription}?last_event_id=abc");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("subscription_not_found", foreignBody.Str("code"));
        Assert.Equal(HttpStatusCode.Conflict, notChannel.StatusCode);
        Assert.Equal("not_a_channel_subscription", notChannelBody.Str("code"));
        Assert.Equal(HttpStatusCode.BadRequest, badPosition.StatusCode);
        Assert.Equal("last_event_id", badPositionBody.Str("field"));
    }

    [Fact]
    public async Task A_new_connection_takes_the_channel_over_and_unsubscribing_closes_it()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        await using var first = await SseClient.ConnectAsync(host, token, subscription);
        host.Bus.Publish("call.x");
        long seen = (await first.ReadEventAsync()).Seq;

        await using var second = await SseClient.ConnectAsync(host, token, subscription, lastEventId: seen.ToString());
        Assert.True(await first.EndsAsync(TimeSpan.FromSeconds(10)), "the older connection is closed");

        using var client = host.Client(token);
        var (response, _) = await client.PostAsync("/cti/v1/unsubscribe", new { subscription_id = subscription });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await second.EndsAsync(TimeSpan.FromSeconds(10)), "unsubscribing closes the channel");
    }

    public void Dispose() => _data.Dispose();
}
