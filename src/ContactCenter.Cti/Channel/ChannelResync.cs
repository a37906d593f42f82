namespace ContactCenter.Cti.Channel;

/// <summary>What a <c>resync_required</c> event says.</summary>
/// <param name="Reason"><c>history_expired</c>, <c>subscriber_overflow</c>, <c>stream_changed</c> (the server restarted), <c>no_position</c>.</param>
/// <param name="LastSeq">Every wanted event up to this seq was delivered (when known).</param>
/// <param name="ResumeAfterSeq">The stream goes on with the events after this seq.</param>
/// <param name="StreamId">The bus stream the seqs belong to.</param>
internal sealed record ChannelResync(string Reason, long? LastSeq, long ResumeAfterSeq, string StreamId);
