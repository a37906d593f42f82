namespace ContactCenter.Media.Rtcp;

/// <summary>
/// A 64-bit NTP timestamp (RFC 3550 §4: seconds since 1900-01-01 UTC in the high 32 bits, binary fraction in the low 32
/// bits), as carried in sender reports. <see cref="Middle32"/> is the compact form used for LSR and RTT.
/// </summary>
/// <param name="Value">The raw 64-bit value.</param>
public readonly record struct NtpTimestamp(ulong Value)
{
    /// <summary>Seconds between the NTP epoch (1900) and the Unix epoch (1970).</summary>
    public const long UnixEpochOffsetSeconds = 2_208_988_800;

    /// <summary>Whole seconds since 1900, modulo 2^32 (NTP era wrapping).</summary>
    public uint Seconds => (uint)(Value >> 32);

    /// <summary>The fraction of a second in units of 2^-32 s.</summary>
    public uint Fraction => (uint)Value;

    /// <summary>The middle 32 bits: 16 bits of seconds and 16 of fraction, in units of 1/65536 s (LSR, DLSR).</summary>
    public uint Middle32 => (uint)(Value >> 16);

    /// <summary>Converts a wall-clock instant (e.g. <see cref="TimeProvider.GetUtcNow"/>) to NTP format.</summary>
    public static NtpTimestamp FromDateTimeOffset(DateTimeOffset instant)
    {
        var ticksSinceUnix = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticksSinceUnix, TimeSpan.TicksPerSecond, out var remainderTicks);
        if (remainderTicks < 0)
        {
            seconds--;
            remainderTicks += TimeSpan.TicksPerSecond;
        }

        var ntpSeconds = (uint)(seconds + UnixEpochOffsetSeconds);
        var fraction = (uint)(((ulong)remainderTicks << 32) / TimeSpan.TicksPerSecond);
        return new NtpTimestamp(((ulong)ntpSeconds << 32) | fraction);
    }

    /// <summary>
    /// Converts back to a wall-clock instant, resolving the 2036 era wrap by assuming the instant lies within about 68
    /// years of <paramref name="near"/>.
    /// </summary>
    public DateTimeOffset ToDateTimeOffset(DateTimeOffset near)
    {
        var delta = (long)(Value - FromDateTimeOffset(near).Value);
        var deltaTicks = ((delta >> 32) * TimeSpan.TicksPerSecond) + (((delta & 0xFFFFFFFF) * TimeSpan.TicksPerSecond) >> 32);
        return new DateTimeOffset(near.UtcTicks + deltaTicks, TimeSpan.Zero);
    }
}
