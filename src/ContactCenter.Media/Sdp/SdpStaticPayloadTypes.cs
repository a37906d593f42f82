namespace ContactCenter.Media.Sdp;

/// <summary>
/// The static RTP payload types of RFC 3551 §6, which an offer may list without an <c>a=rtpmap</c>
/// (sipp's <c>m=audio 6000 RTP/AVP 0</c> and many trunks do).
/// </summary>
public static class SdpStaticPayloadTypes
{
    private static readonly SdpRtpMap?[] Table = Build();

    /// <summary>The format of static payload type <paramref name="payloadType"/>; false for dynamic or unassigned ones.</summary>
    public static bool TryGet(int payloadType, out SdpRtpMap rtpMap)
    {
        if ((uint)payloadType < (uint)Table.Length && Table[payloadType] is SdpRtpMap known)
        {
            rtpMap = known;
            return true;
        }

        rtpMap = default;
        return false;
    }

    /// <summary>Payload types 96 to 127 are dynamic: their meaning comes from <c>a=rtpmap</c> alone.</summary>
    public static bool IsDynamic(int payloadType) => payloadType is >= 96 and <= 127;

    private static SdpRtpMap?[] Build()
    {
        var table = new SdpRtpMap?[35];
        void Add(int pt, string name, int rate, int? channels = null) => table[pt] = new SdpRtpMap(pt, name, rate, channels);
        Add(0, "PCMU", 8000);
        Add(3, "GSM", 8000);
        Add(4, "G723", 8000);
        Add(5, "DVI4", 8000);
        Add(6, "DVI4", 16000);
        Add(7, "LPC", 8000);
        Add(8, "PCMA", 8000);
        Add(9, "G722", 8000);
        Add(10, "L16", 44100, 2);
        Add(11, "L16", 44100);
        Add(12, "QCELP", 8000);
        Add(13, "CN", 8000);
        Add(14, "MPA", 90000);
        Add(15, "G728", 8000);
        Add(16, "DVI4", 11025);
        Add(17, "DVI4", 22050);
        Add(18, "G729", 8000);
        Add(25, "CelB", 90000);
        Add(26, "JPEG", 90000);
        Add(28, "nv", 90000);
        Add(31, "H261", 90000);
        Add(32, "MPV", 90000);
        Add(33, "MP2T", 90000);
        Add(34, "H263", 90000);
        return table;
    }
}
