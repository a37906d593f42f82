using System.Text.Json;

namespace ContactCenter.Cti.Channel;

/// <summary>What a <c>resync_required</c> event says.</summary>
/// <param name="Reason"><c>history_expired</c>, <c>subscriber_overflow</c>, <c>stream_changed</c> (the server restarted), <c>no_position</c>.</param>
/// <param name="LastSeq">Every wanted event up to this seq was delivered (when known).</param>
/// <param name="ResumeAfterSeq">The stream goes on with the events after this seq.</param>
/// <param name="StreamId">The bus stream the seqs belong to.</param>
internal sealed record ChannelResync(string Reason, long? LastSeq, long ResumeAfterSeq, string StreamId)
{
    /// <summary>The notice's fields, the same for every transport (each adds its own framing around them).</summary>
    public void WriteProperties(Utf8JsonWriter json)
    {
        json.WriteString("reason"u8, Reason);
        if (LastSeq is { } last)
            json.WriteNumber("last_seq"u8, last);
        json.WriteNumber("resume_after_seq"u8, ResumeAfterSeq);
        json.WriteString("stream_id"u8, StreamId);
        json.WriteString("snapshot"u8, "/cti/v1/get_snapshot"u8);
    }
}
