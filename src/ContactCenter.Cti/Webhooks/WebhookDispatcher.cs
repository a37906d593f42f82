using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using ContactCenter.Cti.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Webhooks;

/// <summary>
/// Delivers the outbox: one worker per webhook subscription posts its events one at a time in outbox order (so a
/// receiver sees them in seq order), retrying the oldest with exponential backoff and jitter until it is accepted
/// (2xx) or <see cref="CtiWebhookOptions.RetryFor"/> has passed since its first failure; then the subscription is
/// disabled. Retry times are stored, so a restart keeps the schedule. Stopping the server lets an attempt under way
/// finish (within its <see cref="CtiWebhookOptions.AttemptTimeout"/> and the host's shutdown timeout) and records it:
/// cutting it off could leave an event the receiver took marked undelivered, and sent again after the restart.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceProvider services,
    WebhookOutboxStore store,
    WebhookSecrets secrets,
    IHttpClientFactory httpClients,
    IOptions<CtiOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : IHostedService
{
    /// <summary>The named HttpClient deliveries use (no redirects followed: a receiver must answer itself).</summary>
    public const string HttpClientName = "cc-webhooks";

    private readonly ConcurrentDictionary<string, Worker> _workers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts delivering for a subscription (no-op if already running).</summary>
    public void Start(CtiSubscription subscription)
    {
        if (_stopping.IsCancellationRequested || subscription.WebhookUrl is null || subscription.ProtectedWebhookSecret is null)
            return;
        var worker = new Worker(subscription.Id, new CancellationTokenSource());
        if (!_workers.TryAdd(subscription.Id, worker))
        {
            worker.Cancellation.Dispose();
            return;
        }
        worker.Run = Task.Run(() => RunAsync(worker, subscription.WebhookUrl, subscription.ProtectedWebhookSecret));
    }

    /// <summary>Wakes a subscription's worker: new rows are waiting.</summary>
    public void Signal(string subscriptionId)
    {
        if (_workers.TryGetValue(subscriptionId, out var worker))
            worker.Wake();
    }

    /// <summary>Stops a subscription's worker (deleted or disabled).</summary>
    public void Stop(string subscriptionId)
    {
        if (_workers.TryRemove(subscriptionId, out var worker))
            worker.Cancel();
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        var running = _workers.Values.Select(w => w.Run).Where(t => t is not null).Cast<Task>().ToArray();
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(Worker worker, string url, string protectedSecret)
    {
        // Waiting ends when the server stops or the subscription goes; an attempt is cut off only when the subscription goes.
        using var stoppingOrRemoved = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, worker.Cancellation.Token);
        var token = stoppingOrRemoved.Token;
        var webhookOptions = options.Value.Webhooks;
        try
        {
            string secret = secrets.Unprotect(protectedSecret);
            using var client = httpClients.CreateClient(HttpClientName);
            while (!token.IsCancellationRequested)
            {
                var head = store.Head(worker.SubscriptionId);
                if (head is null)
                {
                    await worker.WaitAsync(token);
                    continue;
                }
                if (head.NextAttemptAt is { } next && DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture) is var due && due > time.GetUtcNow())
                {
                    await Task.Delay(due - time.GetUtcNow(), time, token);
                    continue;
                }

                var attempt = await PostAsync(client, url, secret, head, webhookOptions.AttemptTimeout, worker.Cancellation.Token);
                if (attempt.Succeeded)
                {
                    store.MarkDelivered(head, attempt, webhookOptions.DeliveryLogPerSubscription);
                    services.GetRequiredService<WebhookOutbox>().Delivered(worker.SubscriptionId);
                    continue;
                }

                var now = time.GetUtcNow();
                var first = head.FirstAttemptAt is { } f ? DateTimeOffset.Parse(f, System.Globalization.CultureInfo.InvariantCulture) : now;
                bool exhausted = now - first >= webhookOptions.RetryFor;
                var nextAt = now + WebhookRetryPolicy.Delay(attempt.Number, webhookOptions, Random.Shared.NextDouble());
                store.MarkFailed(head, attempt, first.ToString("O"), nextAt.ToString("O"), exhausted, webhookOptions.DeliveryLogPerSubscription);
                logger.LogDebug("Webhook {Subscription} seq {Seq} attempt {Attempt} failed: {Error}",
                    worker.SubscriptionId, head.Seq, attempt.Number, attempt.Error ?? attempt.StatusCode?.ToString());
                if (exhausted)
                {
                    services.GetRequiredService<WebhookOutbox>().Disable(worker.SubscriptionId, "retries_exhausted",
                        $"Event seq {head.Seq} was refused or unanswered for {webhookOptions.RetryFor} ({attempt.Number} attempts); last: {attempt.Error ?? "HTTP " + attempt.StatusCode}.");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Webhook worker of {Subscription} stopped", worker.SubscriptionId);
        }
        finally
        {
            _workers.TryRemove(new KeyValuePair<string, Worker>(worker.SubscriptionId, worker));
            worker.Cancellation.Dispose();
        }
    }

    private async Task<WebhookAttempt> PostAsync(HttpClient client, string url, string secret, WebhookOutboxRow row, TimeSpan timeout, CancellationToken token)
    {
        long number = row.Attempts + 1;
        var started = time.GetUtcNow();
        long stopwatch = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(row.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Compute(secret, started.ToUnixTimeSeconds(), row.Body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeaderName, row.EventId);
        request.Headers.TryAddWithoutValidation("X-CC-Subscription-Id", row.SubscriptionId);
        request.Headers.TryAddWithoutValidation("X-CC-Event-Seq", row.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        attemptTimeout.CancelAfter(timeout);
        int? status = null;
        string? error = null;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
                error = $"HTTP {status} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            error = $"no answer within {timeout}";
        }
        catch (HttpRequestException e)
        {
            error = e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}";
        }
        long elapsed = (long)Stopwatch.GetElapsedTime(stopwatch).TotalMilliseconds;
        return new WebhookAttempt(number, started.ToString("O"), status, error, elapsed);
    }

    private sealed class Worker(string subscriptionId, CancellationTokenSource cancellation)
    {
        private readonly SemaphoreSlim _wake = new(0, 1);

        public string SubscriptionId { get; } = subscriptionId;
        public CancellationTokenSource Cancellation { get; } = cancellation;
        public Task? Run { get; set; }

        public void Wake()
        {
            try
            {
                if (_wake.CurrentCount == 0)
                    _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // already awake
            }
        }

        public Task WaitAsync(CancellationToken token) => _wake.WaitAsync(token);

        public void Cancel()
        {
            try
            {
                Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
