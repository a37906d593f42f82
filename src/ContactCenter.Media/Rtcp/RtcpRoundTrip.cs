namespace ContactCenter.Media.Rtcp;

/// <summary>Round-trip time from a report block's LSR and DLSR (RFC 3550 §6.4.1, figure 2).</summary>
public static class RtcpRoundTrip
{
    /// <summary>
    /// Computes RTT = A − LSR − DLSR, where A is the middle 32 bits of the NTP time at which the report arrived. Returns
    /// false when the block carries no LSR (the peer has not received an SR yet) or the result is negative (clock
    /// skew or a block that does not answer one of our SRs).
    /// </summary>
    public static bool TryCompute(uint arrivalMiddle32, uint lastSenderReport, uint delaySinceLastSenderReport, out TimeSpan roundTrip)
    {
        roundTrip = TimeSpan.Zero;
        if (lastSenderReport == 0)
        {
            return false;
        }

        var units = (int)(arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport);
        if (units < 0)
        {
            return false;
        }

        roundTrip = TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / 65536);
        return true;
    }

    /// <summary>Converts a duration to the 1/65536 s units of DLSR, saturating at the field's maximum.</summary>
    public static uint ToCompactUnits(TimeSpan duration) =>
        duration <= TimeSpan.Zero ? 0 : (uint)Math.Min(uint.MaxValue, duration.Ticks * 65536 / TimeSpan.TicksPerSecond);
}
