using ContactCenter.Events;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// One channel transport (SSE or WebSocket): the session writes a batch of messages, then flushes it once. Writes
/// only buffer; memory is bounded by the session's batch size.
/// </summary>
internal interface IChannelWriter
{
    /// <summary>An event; its seq is the position to resume after.</summary>
    void WriteEvent(EventEnvelope envelope);

    /// <summary>A heartbeat: <paramref name="position"/> is where a resume starts after (0: nothing delivered yet), <paramref name="currentSeq"/> the bus's newest seq.</summary>
    void WriteHeartbeat(long position, long currentSeq, DateTimeOffset now);

    /// <summary>The client cannot be given a complete stream from where it was: load the snapshot.</summary>
    void WriteResync(ChannelResync resync);

    /// <summary>Sends what was written. Cancelled by <paramref name="cancellationToken"/> (the channel ends).</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
