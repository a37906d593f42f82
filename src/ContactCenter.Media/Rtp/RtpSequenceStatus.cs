namespace ContactCenter.Media.Rtp;

/// <summary>What <see cref="RtpReceiveStatistics.Update(uint, ushort, uint, int, long, bool)"/> concluded about a packet (RFC 3550 A.1).</summary>
public enum RtpSequenceStatus
{
    /// <summary>In order (possibly after a permissible gap): counted, and it advanced the highest sequence.</summary>
    Accepted,

    /// <summary>Older than the highest sequence seen (reordered or duplicated) but within the misorder window: counted.</summary>
    Late,

    /// <summary>The source is not yet validated (fewer than two sequential packets): not counted.</summary>
    Probation,

    /// <summary>A jump beyond the dropout/misorder limits: not counted until the next packet confirms a restart.</summary>
    BadJump,

    /// <summary>The packet confirmed a large jump as a sender restart: statistics restarted from it and it is counted.</summary>
    Restarted,
}
