using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Digest authentication of INVITEs from extensions (RFC 3261 §22.3, 407 Proxy-Authenticate as PBXs do), with the same
/// authenticator, realm, nonces and failure limiter as the registrar. Calls from trunks are identified by address and
/// never challenged.
/// </summary>
public sealed class InviteAuthentication(DigestAuthenticator authenticator, string realm)
{
    public string Realm => realm;

    /// <summary>
    /// Checks the INVITE's Proxy-Authorization. Answers the transaction itself when the caller is challenged or refused
    /// (no call is created then, and no CDR: a challenge is routine, not a failed call) and returns the authenticated
    /// user otherwise.
    /// </summary>
    public bool TryAuthenticate(ServerTransaction invite, out string user)
    {
        user = "";
        var request = invite.Request;
        var result = Authenticate(request);
        switch (result.Outcome)
        {
            case DigestAuthenticationOutcome.Authenticated:
                user = result.Username ?? "";
                return true;
            case DigestAuthenticationOutcome.Challenge:
                Challenge(invite, result.Stale);
                return false;
            case DigestAuthenticationOutcome.Rejected when result.Reason == DigestRejectReason.RealmMismatch:
                Challenge(invite, stale: false);
                return false;
            case DigestAuthenticationOutcome.Rejected when result.Reason == DigestRejectReason.MalformedCredentials:
                invite.SendResponse(400, "Malformed Proxy-Authorization Header");
                return false;
            default:
                invite.SendResponse(403, "Forbidden");
                return false;
        }
    }

    private DigestAuthenticationResult Authenticate(SipMessage request)
    {
        var address = request.Source?.RemoteEndPoint.Address ?? System.Net.IPAddress.None;
        var values = new List<ReadOnlyMemory<byte>>(1);
        foreach (var value in request.GetValues(HeaderId.ProxyAuthorization)) values.Add(value);
        if (values.Count <= 1)
            return authenticator.Authenticate(request.MethodName.Span, request.RequestUriBytes.Span, realm, address,
                values.Count == 0 ? ReadOnlySpan<byte>.Empty : values[0].Span);
        return authenticator.Authenticate(request.MethodName.Span, request.RequestUriBytes.Span, realm, address,
            (ReadOnlySpan<ReadOnlyMemory<byte>>)values.ToArray());
    }

    private void Challenge(ServerTransaction invite, bool stale)
    {
        var writer = SipResponseFactory.Create(invite.Request, 407, "Proxy Authentication Required", Encoding.ASCII.GetBytes(invite.LocalTag));
        foreach (var challenge in authenticator.CreateChallenges(realm, stale))
        {
            var buffer = new byte[challenge.GetMaxByteCount()];
            challenge.TryFormat(buffer, out int written);
            writer.Header(HeaderId.ProxyAuthenticate, buffer.AsSpan(0, written));
        }
        invite.SendResponse(writer.Finish());
    }
}
