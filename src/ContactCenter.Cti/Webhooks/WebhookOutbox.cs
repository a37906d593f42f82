using ContactCenter.Cti.Subscriptions;
using ContactCenter.Events;
using ContactCenter.Events.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Webhooks;

/// <summary>
/// Moves events from the bus into the durable outbox, one row per event per matching webhook subscription, in seq
/// order. Once a row is committed the event survives a restart; the <see cref="WebhookDispatcher"/> delivers it.
/// </summary>
/// <remarks>
/// The writer is an ordinary bus subscriber with a bounded buffer, so a slow disk never slows publishers: if it falls
/// behind it catches up from the bus's history, and only if that is gone are the subscriptions told with a
/// <c>resync_required</c> entry in their outbox. Registration happens under the same lock as writing, at the writer's
/// position, so a new webhook subscription gets every event after that position and nothing falls in between.
/// On shutdown, everything already published is written before the writer stops.
/// </remarks>
public sealed class WebhookOutbox(
    IEventBus bus,
    WebhookOutboxStore store,
    SubscriptionStore subscriptions,
    WebhookDispatcher dispatcher,
    IOptions<CtiOptions> options,
    TimeProvider time,
    ILogger<WebhookOutbox> logger) : BackgroundService
{
    private const int BatchSize = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _drain = new();
    private long _processedThrough;
    private IEventSubscription? _subscription;

    /// <summary>The seq through which every event has been written (or judged not wanted).</summary>
    public long ProcessedThrough
    {
        get
        {
            lock (_gate)
                return _processedThrough;
        }
    }

    /// <summary>
    /// Starts writing events for a new webhook subscription; returns the seq after which it receives events.
    /// </summary>
    public long Register(CtiSubscription subscription)
    {
        long after;
        lock (_gate)
        {
            after = _processedThrough;
            _targets[subscription.Id] = new Target(subscription, subscription.ToFilter(), after, 0);
        }
        dispatcher.Start(subscription);
        return after;
    }

    /// <summary>Stops writing and delivering for a subscription (it was deleted).</summary>
    public void Remove(string subscriptionId)
    {
        lock (_gate)
            _targets.Remove(subscriptionId);
        dispatcher.Stop(subscriptionId);
    }

    /// <summary>
    /// Disables a subscription whose receiver failed for too long (or whose outbox is full) and publishes
    /// <c>subscription.disabled</c>, the alarm.
    /// </summary>
    public void Disable(string subscriptionId, string reason, string detail)
    {
        lock (_gate)
            _targets.Remove(subscriptionId);
        dispatcher.Stop(subscriptionId);
        var subscription = subscriptions.Find(subscriptionId);
        if (subscription is null || !subscriptions.Disable(subscriptionId, reason))
            return;
        long pending = store.Pending(subscriptionId);
        logger.LogWarning("Webhook subscription {Subscription} to {Url} disabled ({Reason}): {Detail}; {Pending} event(s) undelivered",
            subscriptionId, subscription.WebhookUrl, reason, detail, pending);
        bus.Publish(EventTypes.SubscriptionDisabled, new SubscriptionDisabled(subscriptionId, reason, detail, subscription.WebhookUrl, pending));
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before the server listens. From seq 1: events published by modules that started earlier in
        // this stream (SIP registrations at start) are still in the bus's history.
        const long first = 1;
        lock (_gate)
        {
            _processedThrough = first - 1;
            foreach (var subscription in subscriptions.ActiveWebhooks())
                _targets[subscription.Id] = new Target(subscription, subscription.ToFilter(), 0, store.Pending(subscription.Id));
            _subscription = bus.Subscribe(EventFilter.All, first);
        }
        foreach (var subscription in subscriptions.ActiveWebhooks())
            dispatcher.Start(subscription);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _drain.CancelAsync(); // write what is already published, then stop (idempotent)
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopOrDrain = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _drain.Token);
        var batch = new List<EventEnvelope>(BatchSize);
        while (true)
        {
            try
            {
                bool draining = stopOrDrain.IsCancellationRequested;
                if (!draining && !await _subscription!.WaitToReadAsync(stopOrDrain.Token))
                    return;
                batch.Clear();
                while (batch.Count < BatchSize && _subscription!.TryRead(out var envelope))
                    batch.Add(envelope);
                if (batch.Count > 0)
                    Write(batch);
                else if (draining)
                    return;
            }
            catch (OperationCanceledException) when (stopOrDrain.IsCancellationRequested)
            {
                // go round once more to drain without waiting
            }
            catch (EventResyncRequiredException e)
            {
                await _subscription!.DisposeAsync();
                if (e.Reason == ResyncReason.SubscriberOverflow)
                {
                    _subscription = bus.Subscribe(EventFilter.All, e.ResumeFromSeq); // catch up from history
                    continue;
                }
                long resumeAfter = bus.CurrentSeq;
                WriteResync(e.LastSeq, resumeAfter);
                _subscription = bus.Subscribe(EventFilter.All, resumeAfter + 1);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database failed (disk full?): keep the position and try again shortly; publishers are unaffected.
                logger.LogError(e, "Writing webhook events to the outbox failed; retrying");
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        // _drain is left to the GC (it has no timer): a host may call StopAsync again after disposing its services.
        _subscription?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose();
    }

    private void Write(List<EventEnvelope> batch)
    {
        var rows = new List<WebhookOutboxStore.NewRow>();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var full = new List<string>();
        string now = time.GetUtcNow().ToString("O");
        int max = options.Value.Webhooks.MaxPendingPerSubscription;
        lock (_gate)
        {
            foreach (var envelope in batch)
            {
                byte[]? body = null;
                foreach (var target in _targets.Values)
                {
                    if (envelope.Seq <= target.StartAfterSeq || !target.Filter.Matches(envelope))
                        continue;
                    if (target.Pending >= max)
                    {
                        full.Add(target.Subscription.Id);
                        continue;
                    }
                    body ??= envelope.Utf8Json.ToArray(); // the JSON the channels send, serialized once per event
                    rows.Add(new WebhookOutboxStore.NewRow(target.Subscription.Id, envelope.Id.ToString(), envelope.Type, envelope.Seq, bus.StreamId, body, now));
                    target.Pending++;
                    touched.Add(target.Subscription.Id);
                }
            }
            // Under the lock: a registration cannot slip between writing these rows and moving the position.
            store.Enqueue(rows);
            _processedThrough = batch[^1].Seq;
        }
        foreach (string id in touched)
            dispatcher.Signal(id);
        foreach (string id in full.Distinct())
            Disable(id, "outbox_full", $"More than {max} events are waiting for delivery.");
    }

    private void WriteResync(long lastSeq, long resumeAfter)
    {
        logger.LogWarning("The webhook outbox fell behind the bus's history after seq {LastSeq}; subscriptions get resync_required", lastSeq);
        var rows = new List<WebhookOutboxStore.NewRow>();
        string now = time.GetUtcNow().ToString("O");
        lock (_gate)
        {
            foreach (var target in _targets.Values)
            {
                string id = Guid.CreateVersion7().ToString();
                byte[] body = System.Text.Encoding.UTF8.GetBytes(
                    $$"""{"type":"resync_required","id":"{{id}}","reason":"history_expired","last_seq":{{lastSeq}},"resume_after_seq":{{resumeAfter}},"stream_id":"{{bus.StreamId}}","snapshot":"/cti/v1/get_snapshot"}""");
                rows.Add(new WebhookOutboxStore.NewRow(target.Subscription.Id, id, "resync_required", resumeAfter, bus.StreamId, body, now));
                target.Pending++;
            }
            store.Enqueue(rows);
            _processedThrough = resumeAfter;
        }
        foreach (var row in rows)
            dispatcher.Signal(row.SubscriptionId);
    }

    /// <summary>Called by the dispatcher when a row left the outbox.</summary>
    internal void Delivered(string subscriptionId)
    {
        lock (_gate)
        {
            if (_targets.TryGetValue(subscriptionId, out var target) && target.Pending > 0)
                target.Pending--;
        }
    }

    private sealed class Target(CtiSubscription subscription, EventFilter filter, long startAfterSeq, long pending)
    {
        public CtiSubscription Subscription { get; } = subscription;
        public EventFilter Filter { get; } = filter;
        public long StartAfterSeq { get; } = startAfterSeq;
        public long Pending { get; set; } = pending;
    }
}
