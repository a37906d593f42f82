using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// A dialog's identity (RFC 3261 §12): Call-ID, local tag and remote tag, as seen from this side. Call-ID compares
/// case-sensitively, tags too (they are opaque tokens we or the peer made; §19.3 asks only that they be compared as sent).
/// </summary>
public readonly record struct SipDialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>
    /// The dialog a received request (or ACK) belongs to: its To tag is ours, its From tag the peer's (§12.2.2).
    /// False when the request has no To tag (it is not in a dialog).
    /// </summary>
    public static bool TryFromIncomingRequest(SipMessage request, out SipDialogId id)
    {
        ArgumentNullException.ThrowIfNull(request);
        id = default;
        if (!request.IsRequest || !request.HasToTag || request.CallId.IsEmpty) return false;
        id = new SipDialogId(request.CallIdString, Text(request.ToTag), Text(request.FromTag));
        return true;
    }

    /// <summary>
    /// The dialog a received response belongs to, on the side that sent the request: From tag ours, To tag the peer's
    /// (§12.1.2). False when the response has no To tag (a 100, or a peer that creates no dialog).
    /// </summary>
    public static bool TryFromIncomingResponse(SipMessage response, out SipDialogId id)
    {
        ArgumentNullException.ThrowIfNull(response);
        id = default;
        if (!response.IsResponse || !response.HasToTag || response.CallId.IsEmpty) return false;
        id = new SipDialogId(response.CallIdString, Text(response.FromTag), Text(response.ToTag));
        return true;
    }

    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
