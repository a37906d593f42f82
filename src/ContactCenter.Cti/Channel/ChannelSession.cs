using System.IO.Pipelines;
using ContactCenter.Events;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// One open channel: pumps a bus subscription into the SSE stream until the client leaves or the channel is taken
/// over. The bus never waits for it (each subscriber has a bounded buffer); when this client falls behind, the
/// session first tries to replay from the bus's history, and only if that is gone tells the client
/// <c>resync_required</c> and goes on live, so the client always knows exactly what it has.
/// </summary>
internal sealed class ChannelSession(
    IEventBus bus,
    EventFilter filter,
    PipeWriter output,
    TimeProvider time,
    TimeSpan heartbeatInterval)
{
    private const int MaxEventsPerFlush = 512;

    private readonly SseWriter _writer = new(output);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled. Starts at <paramref name="fromSeq"/>, or with <paramref name="initialResync"/>.</summary>
    public async Task RunAsync(long? fromSeq, string? initialResync, long? initialLastSeq, CancellationToken cancellationToken)
    {
        string? resyncReason = initialResync;
        long? resyncLastSeq = initialLastSeq;
        bool replayTried = false;
        IEventSubscription? subscription = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (resyncReason is not null)
                {
                    long resumeAfter = bus.CurrentSeq;
                    _writer.WriteResync(new ChannelResync(resyncReason, resyncLastSeq, resumeAfter, bus.StreamId));
                    await output.FlushAsync(cancellationToken);
                    subscription = bus.Subscribe(filter, resumeAfter + 1); // replays whatever was published meanwhile
                    resyncReason = null;
                }
                else
                {
                    subscription ??= bus.Subscribe(filter, fromSeq);
                }

                try
                {
                    await PumpAsync(subscription, cancellationToken);
                    return; // disposed from outside
                }
                catch (EventResyncRequiredException e)
                {
                    await subscription.DisposeAsync();
                    subscription = null;
                    if (e.Reason == ResyncReason.SubscriberOverflow && !replayTried)
                    {
                        // The bus may still hold what this client missed: catch up from there, no gap.
                        replayTried = true;
                        fromSeq = e.ResumeFromSeq;
                        continue;
                    }
                    replayTried = false;
                    resyncReason = e.Reason switch
                    {
                        ResyncReason.SubscriberOverflow => "subscriber_overflow",
                        ResyncReason.PositionAhead => "stream_changed",
                        _ => "history_expired",
                    };
                    resyncLastSeq = e.LastSeq;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the client left, or a newer connection took the channel over
        }
        finally
        {
            if (subscription is not null)
                await subscription.DisposeAsync();
        }
    }

    private async Task PumpAsync(IEventSubscription subscription, CancellationToken cancellationToken)
    {
        CancellationTokenSource? heartbeatTimer = null, heartbeatOrAbort = null;
        try
        {
            while (true)
            {
                if (heartbeatOrAbort is null)
                {
                    heartbeatTimer = new CancellationTokenSource(heartbeatInterval, time);
                    heartbeatOrAbort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, heartbeatTimer.Token);
                }

                bool readable;
                try
                {
                    readable = await subscription.WaitToReadAsync(heartbeatOrAbort.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Reading until nothing is pending moves the position past events the filter rejected.
                    while (subscription.TryRead(out var pending))
                        _writer.WriteEvent(pending);
                    _writer.WriteHeartbeat(subscription.Position, bus.CurrentSeq, time.GetUtcNow());
                    await output.FlushAsync(cancellationToken);
                    heartbeatOrAbort.Dispose();
                    heartbeatTimer!.Dispose();
                    heartbeatOrAbort = heartbeatTimer = null;
                    continue;
                }
                if (!readable)
                    return;

                int written = 0;
                while (written < MaxEventsPerFlush && subscription.TryRead(out var envelope))
                {
                    _writer.WriteEvent(envelope);
                    written++;
                }
                if (written > 0)
                    await output.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            heartbeatOrAbort?.Dispose();
            heartbeatTimer?.Dispose();
        }
    }
}
