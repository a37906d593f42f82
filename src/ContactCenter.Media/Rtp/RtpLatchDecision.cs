namespace ContactCenter.Media.Rtp;

/// <summary>What <see cref="RtpSourceLatch.Evaluate"/> decided about a packet.</summary>
public enum RtpLatchDecision
{
    /// <summary>From the latched remote: process it.</summary>
    Accepted,

    /// <summary>First valid packet: the remote is now this source. Process it.</summary>
    Latched,

    /// <summary>Enough consecutive packets came from a new source: the latch moved there. Process it.</summary>
    Relatched,

    /// <summary>Payload type not negotiated: ignored and counted, never latches.</summary>
    IgnoredUnexpectedPayloadType,

    /// <summary>From an address other than the latched remote: ignored and counted.</summary>
    IgnoredForeignSource,
}
