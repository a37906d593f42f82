using ContactCenter.Sip.Messages;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// INVITE Digest for extensions (407 Proxy-Authenticate, realm and credentials of the registrar): only an INVITE
/// answered with the right password of the very extension in From makes a call.
/// </summary>
public sealed class InviteAuthenticationTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    /// <summary>Sends an INVITE without credentials, checks the 407, ACKs it, and returns the Proxy-Authenticate value.</summary>
    private static async Task<string> ChallengeAsync(CallEngineHarness h, string callId)
    {
        var branch = Branch();
        await h.Caller.SendAsync(h.Invite("2002", callId, branch));
        var challenge = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, callId);
        Assert.Equal(407, challenge.StatusCode);
        var header = challenge.GetHeaderString(HeaderId.ProxyAuthenticate);
        Assert.NotNull(header);
        Assert.StartsWith("Digest ", header);
        Assert.Equal(CallEngineHarness.Realm, RawSipPeer.Param(header, "realm"));
        // The ACK for a non-2xx is hop-by-hop, on the INVITE's branch.
        await h.Caller.SendAsync(
            $"ACK sip:2002@{h.Server} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{h.Caller.Port};rport;branch={branch}\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:2001@{h.Server}>;tag=caller1\r\nTo: {challenge.GetHeaderString(HeaderId.To)}\r\nCall-ID: {callId}\r\n" +
            "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
        return header;
    }

    private static string AuthenticatedInvite(CallEngineHarness h, string callId, string challenge, string user, string password,
        string fromUser = "2001")
    {
        var authorization = RawSipPeer.Authorization(challenge, "INVITE", $"sip:2002@{h.Server}", user, password, CallEngineHarness.Realm);
        return h.InviteFrom(h.Caller, fromUser, "2002", callId, Branch(), cseq: 2, headers: $"Proxy-Authorization: {authorization}\r\n");
    }

    [Fact]
    public async Task An_invite_is_challenged_with_407_and_the_authenticated_retry_reaches_the_callee()
    {
        await using var h = new CallEngineHarness(authenticateInvites: true);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        var challenge = await ChallengeAsync(h, "auth1");
        // A challenge is routine, not a failed call: nothing was created.
        Assert.Empty(h.Engine.ActiveCalls);
        Assert.Equal(0, h.MediaLegs);

        await h.Caller.SendAsync(AuthenticatedInvite(h, "auth1", challenge, "2001", "pw-2001"));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("sip:2001@", invite.GetHeaderString(HeaderId.From));
        Assert.False(invite.TryGetHeader(HeaderId.ProxyAuthorization, out _)); // our leg, not the caller's credentials
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        var ok = await h.Caller.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CallIdString == "auth1" && m.CSeq == 2);
        Assert.Equal(200, ok.StatusCode);
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 2));
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "BYE", ok, 3));
        var call = await h.NextEndedAsync();
        Assert.Equal("2001", call.Record!.Caller);
        Assert.Equal("2002", call.Record.AnsweredBy);
    }

    [Fact]
    public async Task A_wrong_password_is_403_and_makes_no_call()
    {
        await using var h = new CallEngineHarness(authenticateInvites: true);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        var challenge = await ChallengeAsync(h, "auth2");
        await h.Caller.SendAsync(AuthenticatedInvite(h, "auth2", challenge, "2001", "not-the-password"));
        var refused = await h.Caller.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CallIdString == "auth2" && m.CSeq == 2);
        Assert.Equal(403, refused.StatusCode);
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(300), _ => false);
        Assert.Empty(h.Engine.ActiveCalls);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task Valid_credentials_of_another_extension_than_the_from_user_are_403()
    {
        await using var h = new CallEngineHarness(authenticateInvites: true);
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        // 2003 knows its own password and claims to be 2001 in From: the CDR and caller id would lie.
        var challenge = await ChallengeAsync(h, "auth3");
        await h.Caller.SendAsync(AuthenticatedInvite(h, "auth3", challenge, "2003", "pw-2003"));
        var refused = await h.Caller.ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CallIdString == "auth3" && m.CSeq == 2);
        Assert.Equal(403, refused.StatusCode);
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(300), _ => false);
        Assert.Empty(h.Engine.ActiveCalls);
    }
}
