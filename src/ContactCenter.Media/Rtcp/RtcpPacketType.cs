namespace ContactCenter.Media.Rtcp;

/// <summary>RTCP packet types of RFC 3550 §12.1. Other values are carried through as unknown and skipped.</summary>
public enum RtcpPacketType : byte
{
    /// <summary>SR: sender report.</summary>
    SenderReport = 200,

    /// <summary>RR: receiver report.</summary>
    ReceiverReport = 201,

    /// <summary>SDES: source description.</summary>
    SourceDescription = 202,

    /// <summary>BYE: goodbye.</summary>
    Goodbye = 203,

    /// <summary>APP: application-defined.</summary>
    ApplicationDefined = 204,
}
