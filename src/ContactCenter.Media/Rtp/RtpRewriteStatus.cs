namespace ContactCenter.Media.Rtp;

/// <summary>What <see cref="RtpStreamRewriter"/> did with a packet.</summary>
public enum RtpRewriteStatus
{
    /// <summary>Rewritten with the current source's offsets.</summary>
    Rewritten,

    /// <summary>First packet of a new source: offsets recomputed for continuity and the marker bit set.</summary>
    SourceSwitched,

    /// <summary>A straggler from the source we just switched away from: not forwarded, the buffer is untouched.</summary>
    DroppedStaleSource,

    /// <summary>Not an RTP version 2 packet of at least 12 octets: not forwarded, the buffer is untouched.</summary>
    DroppedMalformed,
}
