using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Cti.Tests.Channel;

/// <summary>The WebSocket channel on a real Kestrel socket: the SSE channel's semantics, and its close codes.</summary>
public sealed class WebSocketChannelTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Each_message_is_an_event_envelope_in_seq_order_filtered_and_with_its_client_data()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" }, services = new[] { "sales" } });
        await using var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);

        var clientData = JsonDocument.Parse("""{"ticket":42}""").RootElement;
        var offered = host.Bus.Publish("call.offered", new { caller = "+5511" }, new EventSubject(CallId: "c1", ServiceId: "sales"), clientData);
        host.Bus.Publish("agent.state_changed", null, new EventSubject(AgentId: "ana", ServiceId: "sales"));
        host.Bus.Publish("call.offered", null, new EventSubject(CallId: "c2", ServiceId: "support"));
        var answered = host.Bus.Publish("call.answered", null, new EventSubject(CallId: "c1", ServiceId: "sales"));

        var first = await channel.ReadEventAsync();
        var second = await channel.ReadEventAsync();

        Assert.Equal((offered.Seq, "call.offered", offered.Id.ToString()), (first.GetProperty("seq").GetInt64(), first.Str("type"), first.Str("id")));
        Assert.Equal("""{"ticket":42}""", first.GetProperty("client_data").GetRawText());
        Assert.Equal("+5511", first.GetProperty("payload").Str("caller"));
        Assert.Equal("c1", first.Str("call_id"));
        Assert.Equal((answered.Seq, "call.answered"), (second.GetProperty("seq").GetInt64(), second.Str("type")));
        // The message is the envelope exactly as the SSE channel's data line and the webhooks carry it.
        Assert.Equal(JsonSerializer.Serialize(answered, EventJson.Options), second.GetRawText());
    }

    [Fact]
    public async Task Resume_after_a_forced_disconnect_has_no_gap_and_no_duplicate()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var expected = new List<long>();
        var received = new List<long>();

        var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        for (int i = 0; i < 50; i++)
        {
            var e = host.Bus.Publish(i % 3 == 0 ? "agent.noise" : "call.progress", null, new EventSubject(CallId: "c" + i));
            if (e.Type.StartsWith("call.", StringComparison.Ordinal))
                expected.Add(e.Seq);
        }
        for (int i = 0; i < 10; i++)
            received.Add((await channel.ReadEventAsync()).GetProperty("seq").GetInt64());
        await channel.DisposeAsync(); // the connection drops mid-stream, without a close handshake

        for (int i = 0; i < 50; i++)
            expected.Add(host.Bus.Publish("call.progress", null, new EventSubject(CallId: "late" + i)).Seq);

        await using var resumed = await WebSocketChannelClient.ConnectAsync(host, token, subscription, lastEventId: received[^1].ToString());
        while (received.Count < expected.Count)
            received.Add((await resumed.ReadEventAsync()).GetProperty("seq").GetInt64());

        Assert.Equal(expected, received);
        var next = host.Bus.Publish("call.final", null, new EventSubject(CallId: "z"));
        Assert.Equal(next.Seq, (await resumed.ReadEventAsync()).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task An_idle_channel_sends_a_heartbeat_every_interval_whose_position_resumes_past_filtered_events()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, time: time);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { types = new[] { "call.*" } });
        var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        host.Bus.Publish("call.x");
        Assert.Equal(1, (await channel.ReadEventAsync()).GetProperty("seq").GetInt64());
        for (int i = 0; i < 3; i++)
            host.Bus.Publish("agent.filtered_out");

        var heartbeat = await NextHeartbeatAsync(channel, time);

        Assert.Equal(4, heartbeat.GetProperty("seq").GetInt64());
        Assert.Equal(4, heartbeat.GetProperty("position").GetInt64());
        Assert.Equal(time.GetUtcNow(), heartbeat.GetProperty("time").GetDateTimeOffset());

        // Resuming from the heartbeat's position replays nothing the client already skipped.
        await channel.DisposeAsync();
        var after = host.Bus.Publish("call.after");
        await using var resumed = await WebSocketChannelClient.ConnectAsync(host, token, subscription, lastEventId: "4");
        Assert.Equal(after.Seq, (await resumed.ReadEventAsync()).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Heartbeats_follow_the_interval_on_the_time_provider_not_the_wall_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, time: time);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        await using var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        var heartbeat = await NextHeartbeatAsync(channel, time); // the session is waiting with its timer armed now

        // Nothing comes while the fake clock stands still, however long the test waits, nor before 15 s have passed on it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.ReadAsync(TimeSpan.FromMilliseconds(500)));
        for (int second = 1; second < 15; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.ReadAsync(TimeSpan.FromMilliseconds(100)));
        }
        time.Advance(TimeSpan.FromSeconds(1));
        var next = await channel.ReadAsync();

        Assert.Equal("heartbeat", next.Str("type"));
        Assert.Equal(TimeSpan.FromSeconds(15), next.GetProperty("time").GetDateTimeOffset() - heartbeat.GetProperty("time").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_position_older_than_the_history_gets_resync_required_then_live_events()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true,
            busOptions: new InProcessEventBusOptions { HistoryCapacity = 16 });
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        host.Bus.Publish("call.one");
        long last = (await channel.ReadEventAsync()).GetProperty("seq").GetInt64();
        await channel.DisposeAsync();
        for (int i = 0; i < 40; i++)
            host.Bus.Publish("call.missed");

        await using var resumed = await WebSocketChannelClient.ConnectAsync(host, token, subscription, lastEventId: last.ToString());
        var resync = await resumed.ReadEventAsync();
        var live = host.Bus.Publish("call.after");
        var next = await resumed.ReadEventAsync();

        Assert.Equal("resync_required", resync.Str("type"));
        Assert.Equal("history_expired", resync.Str("reason"));
        Assert.Equal(last, resync.GetProperty("last_seq").GetInt64());
        Assert.Equal(41, resync.GetProperty("resume_after_seq").GetInt64());
        Assert.Equal(host.Bus.StreamId, resync.Str("stream_id"));
        Assert.Equal("/cti/v1/get_snapshot", resync.Str("snapshot"));
        Assert.Equal(live.Seq, next.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task The_upgrade_request_is_authorized_like_the_sse_channel_and_refused_before_upgrading()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string owner = await host.CreateTokenAsync(CtiRoles.Integrator, name: "owner");
        string other = await host.CreateTokenAsync(CtiRoles.Integrator, name: "other");
        string subscription = await host.SubscribeAsync(owner, new { });
        string webhook = await host.SubscribeAsync(owner, new { delivery = "webhook", webhook = new { url = "http://127.0.0.1:9/hook" } });

        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketChannelClient.UpgradeStatusAsync(host, null, subscription));
        Assert.Equal(HttpStatusCode.Unauthorized, await WebSocketChannelClient.UpgradeStatusAsync(host, "cc_not-a-token", subscription));
        Assert.Equal(HttpStatusCode.NotFound, await WebSocketChannelClient.UpgradeStatusAsync(host, other, subscription));
        Assert.Equal(HttpStatusCode.Conflict, await WebSocketChannelClient.UpgradeStatusAsync(host, owner, webhook));
        Assert.Equal(HttpStatusCode.BadRequest, await WebSocketChannelClient.UpgradeStatusAsync(host, owner, subscription, "last_event_id=-1"));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketChannelClient.UpgradeStatusAsync(host, owner, subscription));

        using var plain = host.Client(owner);
        var (response, problem) = await plain.GetJsonAsync($"/cti/v1/channel/{subscription}/ws");
        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("websocket_required", problem.Str("code"));
        Assert.Equal("websocket", response.Headers.Upgrade.Single().Name);
    }

    [Fact]
    public async Task A_newer_connection_of_either_transport_takes_the_channel_over_with_close_code_4000()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        await using var first = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        host.Bus.Publish("call.x");
        long seen = (await first.ReadEventAsync()).GetProperty("seq").GetInt64();

        await using var sse = await SseClient.ConnectAsync(host, token, subscription, lastEventId: seen.ToString());

        Assert.Equal((WebSocketCloseStatus)WebSocketCloseCodes.TakenOver, await first.ClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("taken_over", first.CloseDescription);
        await using var third = await WebSocketChannelClient.ConnectAsync(host, token, subscription, lastEventId: seen.ToString());
        Assert.True(await sse.EndsAsync(TimeSpan.FromSeconds(10)), "the SSE connection is taken over by the WebSocket");
        var next = host.Bus.Publish("call.y");
        Assert.Equal(next.Seq, (await third.ReadEventAsync()).GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Unsubscribing_closes_with_4001_and_the_lease_is_released()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        await using var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        var connections = host.Services.GetRequiredService<ChannelConnections>();
        await Eventually.TrueAsync(() => connections.Count == 1, TimeSpan.FromSeconds(10), "the channel is open");

        using var client = host.Client(token);
        var (response, _) = await client.PostAsync("/cti/v1/unsubscribe", new { subscription_id = subscription });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((WebSocketCloseStatus)WebSocketCloseCodes.Unsubscribed, await channel.ClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("unsubscribed", channel.CloseDescription);
        Assert.Equal(0, connections.Count);
    }

    [Fact]
    public async Task A_client_close_is_answered_with_1000_and_a_data_message_from_the_client_closes_with_1008()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        var connections = host.Services.GetRequiredService<ChannelConnections>();

        await using (var polite = await WebSocketChannelClient.ConnectAsync(host, token, subscription))
        {
            await polite.CloseAsync();
            Assert.Equal(WebSocketCloseStatus.NormalClosure, polite.CloseStatus);
        }
        await Eventually.TrueAsync(() => connections.Count == 0, TimeSpan.FromSeconds(10), "the closed connection releases its lease");

        await using var talker = await WebSocketChannelClient.ConnectAsync(host, token, subscription, lastEventId: "0");
        await talker.SendTextAsync("""{"last_event_id":5}""");
        Assert.Equal((WebSocketCloseStatus)WebSocketCloseCodes.UnexpectedMessage, await talker.ClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("unexpected_message", talker.CloseDescription);
    }

    [Fact]
    public async Task Stopping_the_server_closes_open_channels_with_1001()
    {
        var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        string subscription = await host.SubscribeAsync(token, new { });
        await using var channel = await WebSocketChannelClient.ConnectAsync(host, token, subscription);
        await Eventually.TrueAsync(() => host.Services.GetRequiredService<ChannelConnections>().Count == 1, TimeSpan.FromSeconds(10), "the channel is open");

        var stopping = host.DisposeAsync().AsTask();

        Assert.Equal((WebSocketCloseStatus)WebSocketCloseCodes.ServerStopping, await channel.ClosedAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("server_stopping", channel.CloseDescription);
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<JsonElement> NextHeartbeatAsync(WebSocketChannelClient channel, FakeTimeProvider time)
    {
        // The session arms its timer when it starts waiting; step the clock until the heartbeat shows up.
        for (int i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromSeconds(15));
            try
            {
                var message = await channel.ReadAsync(TimeSpan.FromMilliseconds(200));
                Assert.Equal("heartbeat", message.Str("type"));
                return message;
            }
            catch (OperationCanceledException)
            {
            }
        }
        Assert.Fail("no heartbeat");
        return default;
    }

    public void Dispose() => _data.Dispose();
}
