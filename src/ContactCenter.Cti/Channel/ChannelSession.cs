using ContactCenter.Events;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// One open channel: pumps a bus subscription into a transport (SSE or WebSocket) until the client leaves or the
/// channel is ended. The bus never waits for it (each subscriber has a bounded buffer); when this client falls behind,
/// the session first tries to replay from the bus's history, and only if that is gone tells the client
/// <c>resync_required</c> and goes on live, so the client always knows exactly what it has. A client that accepts
/// nothing for <c>sendTimeout</c> (dead, or stuck) is given up: <see cref="TimedOut"/> is set and the transport drops
/// the connection, so a dead peer never holds a session, a timer and a subscription for ever.
/// </summary>
internal sealed class ChannelSession(
    IEventBus bus,
    EventFilter filter,
    IChannelWriter writer,
    TimeProvider time,
    TimeSpan heartbeatInterval,
    TimeSpan sendTimeout)
{
    /// <summary>Most events written before one flush: bounds the memory a batch holds.</summary>
    internal const int MaxEventsPerFlush = 512;

    private CancellationTokenSource? _end;
    private ITimer? _sendTimer;
    private volatile bool _timedOut;

    /// <summary>The session ended because the client did not accept a batch within the send timeout.</summary>
    public bool TimedOut => _timedOut;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled or a send times out. Starts at <paramref name="fromSeq"/>, or with <paramref name="initialResync"/>.</summary>
    public async Task RunAsync(long? fromSeq, string? initialResync, long? initialLastSeq, CancellationToken cancellationToken)
    {
        // One timer for every flush, re-armed each time, so a flush allocates nothing.
        using var end = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _end = end;
        using var sendTimer = time.CreateTimer(static state => ((ChannelSession)state!).SendTimedOut(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _sendTimer = sendTimer;
        var token = end.Token;

        string? resyncReason = initialResync;
        long? resyncLastSeq = initialLastSeq;
        bool replayTried = false;
        IEventSubscription? subscription = null;
        try
        {
            while (!token.IsCancellationRequested)
            {
                if (resyncReason is not null)
                {
                    long resumeAfter = bus.CurrentSeq;
                    writer.WriteResync(new ChannelResync(resyncReason, resyncLastSeq, resumeAfter, bus.StreamId));
                    await FlushAsync(token);
                    subscription = bus.Subscribe(filter, resumeAfter + 1); // replays whatever was published meanwhile
                    resyncReason = null;
                }
                else
                {
                    subscription ??= bus.Subscribe(filter, fromSeq);
                }

                try
                {
                    await PumpAsync(subscription, token);
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
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // the client left, the channel was ended, or the client stopped accepting data
        }
        finally
        {
            if (subscription is not null)
                await subscription.DisposeAsync();
            _sendTimer = null;
            _end = null;
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _sendTimer!.Change(sendTimeout, Timeout.InfiniteTimeSpan);
        await writer.FlushAsync(cancellationToken);
        _sendTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void SendTimedOut()
    {
        _timedOut = true;
        try
        {
            _end?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the session ended meanwhile
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
                    int pendingWritten = 0;
                    while (subscription.TryRead(out var pending))
                    {
                        writer.WriteEvent(pending);
                        if (++pendingWritten == MaxEventsPerFlush)
                        {
                            await FlushAsync(cancellationToken);
                            pendingWritten = 0;
                        }
                    }
                    writer.WriteHeartbeat(subscription.Position, bus.CurrentSeq, time.GetUtcNow());
                    await FlushAsync(cancellationToken);
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
                    writer.WriteEvent(envelope);
                    written++;
                }
                if (written > 0)
                    await FlushAsync(cancellationToken);
            }
        }
        finally
        {
            heartbeatOrAbort?.Dispose();
            heartbeatTimer?.Dispose();
        }
    }
}
