namespace ContactCenter.Media.Sdp;

/// <summary>
/// RFC 4733 telephone-event support: the payload type we put in our own offers and the events we accept, written as
/// the fmtp (<c>0-16</c>: DTMF 0-9, *, #, A-D and flash). In answers the offer's payload type is used instead. The
/// clock rate always follows the chosen codec's, as RFC 4733 §2.1 asks.
/// </summary>
public sealed record SdpTelephoneEvent(int PayloadType = 101, string Events = "0-16")
{
    /// <summary>The encoding name.</summary>
    public const string EncodingName = "telephone-event";

    /// <summary>Whether <paramref name="encodingName"/> is telephone-event (case-insensitive).</summary>
    public static bool IsTelephoneEvent(string encodingName) => encodingName.Equals(EncodingName, StringComparison.OrdinalIgnoreCase);
}
