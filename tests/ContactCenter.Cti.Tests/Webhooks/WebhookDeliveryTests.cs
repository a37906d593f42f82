using System.Net;
using System.Text.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Cti.Webhooks;
using ContactCenter.Events;

namespace ContactCenter.Cti.Tests.Webhooks;

/// <summary>The durable outbox against a real receiver that goes down and up, across a server restart.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "a-test-secret-of-some-length";
    private readonly TemporaryDirectory _data = new();

    private static void FastRetries(CtiOptions options)
    {
        options.Webhooks.InitialRetryDelay = TimeSpan.FromMilliseconds(20);
        options.Webhooks.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
        options.Webhooks.AttemptTimeout = TimeSpan.FromSeconds(5);
    }

    [Fact]
    public async Task Receiver_down_then_up_then_server_restart_every_event_once_in_order_signed()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        var published = new List<(long Seq, string Id)>();
        string subscription, token;

        await using (var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, configure: FastRetries))
        {
            token = await host.CreateTokenAsync(CtiRoles.Integrator);
            subscription = await host.SubscribeAsync(token, new
            {
                types = new[] { "call.*" },
                delivery = "webhook",
                webhook = new { url = receiver.Url.ToString(), secret = Secret },
            });
            await receiver.StopAsync(); // down
            for (int i = 0; i < 20; i++)
            {
                var e = host.Bus.Publish("call.progress", new { n = i }, new EventSubject(CallId: "c1"), JsonDocument.Parse($$"""{"i":{{i}}}""").RootElement);
                published.Add((e.Seq, e.Id.ToString()));
                host.Bus.Publish("agent.noise");
            }
            using var client = host.Client(token);
            await Eventually.TrueAsync(() => FailedAttempts(client, subscription).Result > 0, TimeSpan.FromSeconds(20), "deliveries fail while the receiver is down");

            await receiver.StartAsync(); // up, on the same port
            await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(20), "deliveries resume when the receiver is up");
            await receiver.StopAsync(); // and down again, with events still waiting, while the server restarts
            for (int i = 20; i < 30; i++)
                published.Add((host.Bus.Publish("call.progress", new { n = i }, new EventSubject(CallId: "c1")) is var e ? (e.Seq, e.Id.ToString()) : default));
        }

        await receiver.StartAsync();
        await using (var restarted = await CtiTestHost.StartAsync(_data.Path, kestrel: true, configure: FastRetries))
        {
            for (int i = 30; i < 35; i++)
            {
                var e = restarted.Bus.Publish("call.after_restart", new { n = i }, new EventSubject(CallId: "c2"));
                published.Add((e.Seq, e.Id.ToString()));
            }
            await Eventually.TrueAsync(() => receiver.Received.Count >= published.Count, TimeSpan.FromSeconds(30), "every event arrives");
            using var client = restarted.Client(token);
            var (response, log) = await client.GetJsonAsync($"/cti/v1/get_webhook_deliveries?subscription_id={subscription}&limit=1000");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, log.GetProperty("data").GetProperty("pending").GetInt64());
            var outcomes = log.GetProperty("data").GetProperty("deliveries").EnumerateArray().Select(d => d.Str("outcome")).ToList();
            Assert.Equal(published.Count, outcomes.Count(o => o == "delivered"));
            Assert.Contains("failed", outcomes);
        }

        var received = receiver.Received.ToList();
        Assert.Equal(published.Select(p => p.Id), received.Select(r => r.EventId)); // each once, in order
        var now = DateTimeOffset.UtcNow;
        foreach (var webhook in received)
        {
            Assert.True(WebhookSignature.Verify(Secret, webhook.Signature, webhook.Body, now, TimeSpan.FromMinutes(5)), webhook.Signature);
            Assert.False(WebhookSignature.Verify("another-secret-entirely", webhook.Signature, webhook.Body, now, TimeSpan.FromMinutes(5)));
            var envelope = EventJson.Deserialize(webhook.Body);
            Assert.Equal(webhook.EventId, envelope.Id.ToString());
        }
        var first = EventJson.Deserialize(received[0].Body);
        Assert.Equal("""{"i":0}""", first.ClientData!.Value.GetRawText());
    }

    [Fact]
    public async Task Stopping_the_server_during_an_attempt_lets_it_finish_so_the_event_is_not_sent_again()
    {
        await using var receiver = new WebhookReceiver { ResponseDelay = TimeSpan.FromMilliseconds(700) };
        await receiver.StartAsync();
        string subscription, token;
        string first, second;

        await using (var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, configure: FastRetries))
        {
            token = await host.CreateTokenAsync(CtiRoles.Integrator);
            subscription = await host.SubscribeAsync(token, new
            {
                types = new[] { "call.*" },
                delivery = "webhook",
                webhook = new { url = receiver.Url.ToString(), secret = Secret },
            });
            first = host.Bus.Publish("call.created", null, new EventSubject(CallId: "c1")).Id.ToString();
            // The receiver has taken the event and not answered yet when the server stops.
            await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(20), "the attempt reaches the receiver");
        }

        receiver.ResponseDelay = TimeSpan.Zero;
        await using (var restarted = await CtiTestHost.StartAsync(_data.Path, kestrel: true, configure: FastRetries))
        {
            second = restarted.Bus.Publish("call.ended", null, new EventSubject(CallId: "c1")).Id.ToString();
            await Eventually.TrueAsync(() => receiver.Received.Any(r => r.EventId == second), TimeSpan.FromSeconds(20), "the next event arrives");
            using var client = restarted.Client(token);
            var (_, log) = await client.GetJsonAsync($"/cti/v1/get_webhook_deliveries?subscription_id={subscription}&limit=100");
            Assert.Equal(0, log.GetProperty("data").GetProperty("pending").GetInt64());
        }

        Assert.Equal([first, second], receiver.Received.Select(r => r.EventId));
    }

    [Fact]
    public async Task A_receiver_failing_past_the_retry_period_disables_the_subscription_and_raises_the_alarm()
    {
        await using var receiver = new WebhookReceiver { Status = 500 };
        await receiver.StartAsync();
        await using var host = await CtiTestHost.StartAsync(_data.Path, kestrel: true, configure: o =>
        {
            FastRetries(o);
            o.Webhooks.RetryFor = TimeSpan.FromMilliseconds(300);
        });
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        await using var alarms = host.Bus.Subscribe(new EventFilter { Types = [EventTypes.SubscriptionDisabled] });
        using var client = host.Client(token);
        var (subscribed, body) = await client.PostAsync("/cti/v1/subscribe", new { delivery = "webhook", webhook = new { url = receiver.Url.ToString() } });
        string subscription = body.GetProperty("data").GetProperty("subscription").Str("id");
        string generated = body.GetProperty("data").Str("webhook_secret");
        Assert.StartsWith("whsec_", generated);

        host.Bus.Publish("call.offered");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.True(await alarms.WaitToReadAsync(timeout.Token));
        Assert.True(alarms.TryRead(out var alarm));
        var disabled = alarm.PayloadAs<ContactCenter.Events.Contracts.SubscriptionDisabled>();
        Assert.Equal(subscription, disabled.SubscriptionId);
        Assert.Equal("retries_exhausted", disabled.Reason);
        Assert.Equal(1, disabled.PendingEvents);

        var (_, log) = await client.GetJsonAsync($"/cti/v1/get_webhook_deliveries?subscription_id={subscription}");
        var data = log.GetProperty("data");
        Assert.Equal("disabled", data.Str("status"));
        Assert.Equal("retries_exhausted", data.Str("disabled_reason"));
        var attempts = data.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.True(attempts.Count >= 2);
        Assert.Equal("abandoned", attempts[0].Str("outcome"));
        Assert.All(attempts, a => Assert.Equal(500, a.GetProperty("status_code").GetInt32()));

        var (_, listed) = await client.GetJsonAsync("/cti/v1/get_subscriptions");
        string text = listed.GetRawText();
        Assert.DoesNotContain(generated, text); // the secret is never shown again
        Assert.Contains("\"status\":\"disabled\"", text);
    }

    [Fact]
    public async Task Webhook_secrets_are_stored_encrypted()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        string token = await host.CreateTokenAsync(CtiRoles.Integrator);
        await host.SubscribeAsync(token, new { delivery = "webhook", webhook = new { url = "https://crm.example/hook", secret = Secret } });

        using var connection = ((ContactCenter.Storage.IDbConnectionFactory)host.Services.GetService(typeof(ContactCenter.Storage.IDbConnectionFactory))!).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT webhook_secret FROM cti_subscriptions";
        string stored = (string)command.ExecuteScalar()!;
        Assert.DoesNotContain(Secret, stored);
        Assert.Equal(Secret, ((WebhookSecrets)host.Services.GetService(typeof(WebhookSecrets))!).Unprotect(stored));
    }

    private static async Task<int> FailedAttempts(HttpClient client, string subscription)
    {
        var (_, log) = await client.GetJsonAsync($"/cti/v1/get_webhook_deliveries?subscription_id={subscription}");
        return log.GetProperty("data").GetProperty("deliveries").EnumerateArray().Count(d => d.Str("outcome") == "failed");
    }

    public void Dispose() => _data.Dispose();
}
