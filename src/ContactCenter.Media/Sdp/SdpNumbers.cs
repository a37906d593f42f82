using System.Numerics;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Decimal parsing for SDP fields, on bytes or chars: digits only (no sign, no spaces), overflow is a failure, and
/// the work is bounded by the digit count (at most 20), so a hostile "huge number" costs nothing.
/// </summary>
internal static class SdpNumbers
{
    public static bool TryParseUInt64<T>(ReadOnlySpan<T> digits, out ulong value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 20) return false;
        foreach (T c in digits)
        {
            uint digit = uint.CreateTruncating(c) - '0';
            if (digit > 9) return false;
            if (value > (ulong.MaxValue - digit) / 10) return false;
            value = (value * 10) + digit;
        }

        return true;
    }

    public static bool TryParseUInt32<T>(ReadOnlySpan<T> digits, out uint value)
        where T : unmanaged, IBinaryInteger<T>
    {
        bool ok = TryParseUInt64(digits, out ulong wide) && wide <= uint.MaxValue;
        value = ok ? (uint)wide : 0;
        return ok;
    }

    public static bool TryParseInt32<T>(ReadOnlySpan<T> digits, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        bool ok = TryParseUInt64(digits, out ulong wide) && wide <= int.MaxValue;
        value = ok ? (int)wide : 0;
        return ok;
    }

    /// <summary>A transport port, 0 to 65535 (0 marks a rejected or disabled stream).</summary>
    public static bool TryParsePort<T>(ReadOnlySpan<T> digits, out int port)
        where T : unmanaged, IBinaryInteger<T> =>
        TryParseInt32(digits, out port) && port <= ushort.MaxValue;

    /// <summary>An RTP payload type, 0 to 127 (RFC 3550 §5.1: seven bits).</summary>
    public static bool TryParsePayloadType<T>(ReadOnlySpan<T> digits, out int payloadType)
        where T : unmanaged, IBinaryInteger<T> =>
        TryParseInt32(digits, out payloadType) && payloadType <= 127;
}
