namespace ContactCenter.Media.Rtp;

/// <summary>Outcome of <see cref="RtpPacket.TryParse"/>. Anything but <see cref="Ok"/> means the datagram is dropped and counted.</summary>
public enum RtpParseStatus
{
    /// <summary>The packet is a well-formed RTP version 2 packet.</summary>
    Ok,

    /// <summary>Shorter than the 12-octet fixed header.</summary>
    TooShort,

    /// <summary>The version field is not 2.</summary>
    BadVersion,

    /// <summary>The CSRC count announces more identifiers than the packet holds.</summary>
    CsrcOverrun,

    /// <summary>The X bit is set but the extension header or its announced length runs past the end of the packet.</summary>
    ExtensionOverrun,

    /// <summary>The P bit is set but the padding count is zero or larger than what follows the header.</summary>
    BadPadding,
}
