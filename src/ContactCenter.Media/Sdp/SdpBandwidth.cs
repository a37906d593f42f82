namespace ContactCenter.Media.Sdp;

/// <summary>A <c>b=</c> line (RFC 8866 §5.8; <c>TIAS</c> from RFC 3890): type (<c>AS</c>, <c>CT</c>, <c>TIAS</c>, ...) and value.</summary>
public readonly record struct SdpBandwidth(string Type, ulong Value)
{
    /// <summary>Application-specific maximum, kilobits per second.</summary>
    public const string ApplicationSpecific = "AS";

    /// <summary>Conference total, kilobits per second.</summary>
    public const string ConferenceTotal = "CT";

    /// <summary>Transport-independent application-specific maximum, bits per second (RFC 3890).</summary>
    public const string TransportIndependent = "TIAS";
}
