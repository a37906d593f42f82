namespace ContactCenter.Media.Rtp;

/// <summary>
/// Serial-number arithmetic for RTP sequence numbers (16 bits) and timestamps (32 bits): differences and ordering that
/// stay right across wrap-around, as long as the two values are less than half the number space apart.
/// </summary>
public static class RtpSequence
{
    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/> (65535 → 0 is +1).</summary>
    public static int Delta(ushort from, ushort to) => (short)(ushort)(to - from);

    /// <summary>True when <paramref name="candidate"/> comes after <paramref name="reference"/> in sequence order.</summary>
    public static bool IsNewer(ushort candidate, ushort reference) => Delta(reference, candidate) > 0;

    /// <summary>Signed distance between two RTP timestamps (0xFFFFFFFF → 0 is +1).</summary>
    public static int TimestampDelta(uint from, uint to) => (int)(to - from);

    /// <summary>True when timestamp <paramref name="candidate"/> is later than <paramref name="reference"/>.</summary>
    public static bool IsNewerTimestamp(uint candidate, uint reference) => TimestampDelta(reference, candidate) > 0;
}
