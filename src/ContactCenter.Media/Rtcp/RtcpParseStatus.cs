namespace ContactCenter.Media.Rtcp;

/// <summary>Why an RTCP datagram or one of its packets was rejected; anything but <see cref="Ok"/> means drop and count.</summary>
public enum RtcpParseStatus
{
    /// <summary>Well formed.</summary>
    Ok,

    /// <summary>Shorter than an RTCP header, or than the fixed part of the packet type.</summary>
    TooShort,

    /// <summary>A packet's version field is not 2.</summary>
    BadVersion,

    /// <summary>A packet's length field runs past the end of the datagram.</summary>
    LengthOverrun,

    /// <summary>The compound packet does not start with an SR or RR (RFC 3550 A.2).</summary>
    FirstPacketNotReport,

    /// <summary>A packet other than the last one has the padding bit set (RFC 3550 A.2).</summary>
    PaddingNotLast,

    /// <summary>The padding count is zero or larger than the packet body.</summary>
    BadPadding,

    /// <summary>The report count announces more report blocks than the packet holds.</summary>
    ReportBlocksOverrun,

    /// <summary>An SDES chunk or item runs past its packet, or a chunk is not terminated.</summary>
    BadSourceDescription,

    /// <summary>A BYE's source count or reason runs past its packet.</summary>
    BadGoodbye,

    /// <summary>The packet is not of the type the caller asked to read.</summary>
    WrongType,
}
