namespace ContactCenter.Sip.Messages;

public static partial class SipMessageValidator
{
    private static ReadOnlySpan<byte> WeekDays => "MonTueWedThuFriSatSun"u8;
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>
    /// SIP-date = rfc1123-date = wkday "," SP date1 SP time SP "GMT", e.g. "Sat, 13 Nov 2010 23:29:00 GMT"
    /// (RFC 3261 §20.17, §25.1). Only GMT is allowed, so "EST" is refused (RFC 4475 §3.1.2.12).
    /// </summary>
    private static bool IsRfc1123Date(ReadOnlySpan<byte> value)
    {
        // Fixed layout: "Www, DD Mmm YYYY HH:MM:SS GMT" — 29 octets.
        if (value.Length != 29) return false;
        if (!IsOneOf(value[..3], WeekDays) || value[3] != (byte)',' || value[4] != (byte)' ') return false;
        if (!TwoDigits(value, 5, 1, 31) || value[7] != (byte)' ') return false;
        if (!IsOneOf(value.Slice(8, 3), Months) || value[11] != (byte)' ') return false;
        if (value.Slice(12, 4).ContainsAnyExcept(SipSyntax.Digits) || value[16] != (byte)' ') return false;
        if (!TwoDigits(value, 17, 0, 23) || value[19] != (byte)':') return false;
        if (!TwoDigits(value, 20, 0, 59) || value[22] != (byte)':') return false;
        if (!TwoDigits(value, 23, 0, 60) || value[25] != (byte)' ') return false; // 60: a leap second
        return value[26..].SequenceEqual("GMT"u8);
    }

    private static bool IsOneOf(ReadOnlySpan<byte> name, ReadOnlySpan<byte> names)
    {
        for (int i = 0; i < names.Length; i += 3)
            if (name.SequenceEqual(names.Slice(i, 3))) return true;
        return false;
    }

    private static bool TwoDigits(ReadOnlySpan<byte> value, int at, int min, int max)
    {
        uint tens = (uint)(value[at] - '0'), ones = (uint)(value[at + 1] - '0');
        if (tens > 9 || ones > 9) return false;
        uint n = tens * 10 + ones;
        return n >= min && n <= max;
    }
}
