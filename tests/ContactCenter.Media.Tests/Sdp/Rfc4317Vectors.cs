namespace ContactCenter.Media.Tests.Sdp;

/// <summary>
/// The SDP of RFC 4317 ("SDP Offer/Answer Examples"), copied from the RFC. Its note: "the subject line (s=)
/// contains a single space character", which <see cref="Sdp"/> restores (the space is easy to lose in an editor).
/// </summary>
public static partial class Rfc4317Vectors
{
    public static IReadOnlyList<Rfc4317Exchange> All { get; } =
    [
        .. CodecNegotiation(),
        .. HoldAndResume(),
        .. AddAndDelete(),
        .. ThirdPartyCallControl(),
    ];

    public static TheoryData<string> Sections()
    {
        var data = new TheoryData<string>();
        foreach (var exchange in All) data.Add(exchange.Section);
        return data;
    }

    public static Rfc4317Exchange Get(string section) => All.Single(e => e.Section == section);

    /// <summary>The wire form: CRLF line ends and the RFC's "s= ".</summary>
    public static string Sdp(string text) => SdpVectors.Crlf(text).Replace("\r\ns=\r\n", "\r\ns= \r\n", StringComparison.Ordinal);
}
