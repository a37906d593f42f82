namespace ContactCenter.Media.Jitter;

/// <summary>Counters of a <see cref="JitterBuffer"/> since it was created (an SSRC change does not clear them).</summary>
/// <param name="Received">Packets given to <see cref="JitterBuffer.Push"/>, whatever became of them.</param>
/// <param name="Played">Frames decoded from a packet and played.</param>
/// <param name="LateDiscarded">Packets that arrived after their frame had been played or concealed.</param>
/// <param name="Duplicates">Packets whose sequence number was already buffered.</param>
/// <param name="Concealed">Frames played in place of a missing packet (attenuated repeats, then silence).</param>
/// <param name="DroppedForLatency">Buffered frames skipped to bring the depth back down to the target, or pushed out by a burst wider than the ring.</param>
/// <param name="Invalid">Packets refused by <see cref="JitterBuffer.Push"/>: a payload that is not one 20 ms frame of the codec, or that failed to decode.</param>
/// <param name="InboxOverflows">Packets refused because the receive side pushed more than the inbox holds between two reads.</param>
/// <param name="Resyncs">Sequence-number jumps outside the buffer window, answered by restarting from the new packet.</param>
/// <param name="SsrcChanges">New synchronisation sources seen (each resets the buffer and the decoder).</param>
/// <param name="TimestampJumps">Timestamps inconsistent with their sequence number, answered by rebasing the jitter estimate.</param>
/// <param name="CurrentDepth">The span from the next frame to play to the newest buffered one.</param>
/// <param name="TargetDepth">The depth the adaptation aims for, from the observed jitter.</param>
public readonly record struct JitterBufferStatistics(
    long Received,
    long Played,
    long LateDiscarded,
    long Duplicates,
    long Concealed,
    long DroppedForLatency,
    long Invalid,
    long InboxOverflows,
    long Resyncs,
    long SsrcChanges,
    long TimestampJumps,
    TimeSpan CurrentDepth,
    TimeSpan TargetDepth);
