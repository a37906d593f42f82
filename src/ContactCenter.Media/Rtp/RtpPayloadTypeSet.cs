namespace ContactCenter.Media.Rtp;

/// <summary>An immutable set of RTP payload types (0..127) as a 128-bit mask: membership tests cost two instructions.</summary>
public readonly record struct RtpPayloadTypeSet
{
    private readonly ulong _low;
    private readonly ulong _high;

    private RtpPayloadTypeSet(ulong low, ulong high)
    {
        _low = low;
        _high = high;
    }

    /// <summary>The empty set.</summary>
    public static RtpPayloadTypeSet None => default;

    /// <summary>Every payload type.</summary>
    public static RtpPayloadTypeSet All => new(ulong.MaxValue, ulong.MaxValue);

    /// <summary>True when no payload type is in the set.</summary>
    public bool IsEmpty => _low == 0 && _high == 0;

    /// <summary>A set holding <paramref name="payloadTypes"/> (values outside 0..127 are ignored).</summary>
    public static RtpPayloadTypeSet Of(params ReadOnlySpan<int> payloadTypes)
    {
        var set = None;
        foreach (var payloadType in payloadTypes)
        {
            set = set.With(payloadType);
        }

        return set;
    }

    /// <summary>This set plus <paramref name="payloadType"/> (ignored outside 0..127).</summary>
    public RtpPayloadTypeSet With(int payloadType) => payloadType switch
    {
        < 0 or > 127 => this,
        < 64 => new RtpPayloadTypeSet(_low | (1UL << payloadType), _high),
        _ => new RtpPayloadTypeSet(_low, _high | (1UL << (payloadType - 64))),
    };

    /// <summary>True when <paramref name="payloadType"/> is in the set.</summary>
    public bool Contains(int payloadType) => payloadType switch
    {
        < 0 or > 127 => false,
        < 64 => (_low & (1UL << payloadType)) != 0,
        _ => (_high & (1UL << (payloadType - 64))) != 0,
    };
}
