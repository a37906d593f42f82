using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Sip.Tests.Usages.Client;

public sealed class SipRequestRewriterTests
{
    private static DigestAuthorizationHeader Auth(string realm, string response, HeaderId id = HeaderId.Authorization) =>
        new(id, realm, $"Digest username=\"u\", realm=\"{realm}\", nonce=\"n\", uri=\"sip:x\", response=\"{response}\"");

    [Fact]
    public void New_branch_cseq_plus_one_auth_added_everything_else_kept()
    {
        var invite = ClientTestMessages.Invite();
        var bytes = SipRequestRewriter.Reissue(invite, [Auth("trunk.example.net", "r1")], "z9hG4bKnew1");
        var again = ClientTestMessages.Parse(bytes);

        Assert.Equal("z9hG4bKnew1", Encoding.ASCII.GetString(again.Branch.Span));
        Assert.Equal("SIP/2.0/UDP 192.0.2.5:5060;rport;branch=z9hG4bKnew1", again.GetHeaderString(HeaderId.Via));
        Assert.Equal(8u, again.CSeq);
        Assert.Equal(SipMethod.Invite, again.CSeqMethod);
        Assert.Equal(invite.CallIdString, again.CallIdString);
        Assert.Equal(invite.GetHeaderString(HeaderId.From), again.GetHeaderString(HeaderId.From));
        Assert.Equal(invite.GetHeaderString(HeaderId.To), again.GetHeaderString(HeaderId.To));
        Assert.Equal(invite.GetHeaderString(HeaderId.Contact), again.GetHeaderString(HeaderId.Contact));
        Assert.Equal(Encoding.ASCII.GetString(invite.RequestUriBytes.Span), Encoding.ASCII.GetString(again.RequestUriBytes.Span));
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(again.Body.Span));
        Assert.Equal(5, again.ContentLength);
        Assert.Contains("response=\"r1\"", again.GetHeaderString(HeaderId.Authorization));
    }

    [Fact]
    public void Second_answer_for_the_same_realm_replaces_the_header_instead_of_adding_one()
    {
        var invite = ClientTestMessages.Invite();
        var first = ClientTestMessages.Parse(SipRequestRewriter.Reissue(invite, [Auth("trunk.example.net", "r1")]));
        var second = ClientTestMessages.Parse(SipRequestRewriter.Reissue(first, [Auth("trunk.example.net", "r2")]));

        Assert.Equal(1, second.CountValues(HeaderId.Authorization));
        Assert.Contains("response=\"r2\"", second.GetHeaderString(HeaderId.Authorization));
        Assert.Equal(9u, second.CSeq);
        Assert.NotEqual(Encoding.ASCII.GetString(first.Branch.Span), Encoding.ASCII.GetString(second.Branch.Span));
        Assert.True(second.HasRfc3261Branch);
    }

    [Fact]
    public void Credentials_for_another_realm_or_kind_are_kept()
    {
        // RFC 3261 §22.3: a request challenged by a second proxy still carries the first proxy's credentials.
        var invite = ClientTestMessages.Invite(
            "Proxy-Authorization: Digest username=\"u\", realm=\"edge\", nonce=\"e\", uri=\"sip:x\", response=\"re\"\r\n");
        var again = ClientTestMessages.Parse(SipRequestRewriter.Reissue(invite,
            [Auth("core", "rc", HeaderId.ProxyAuthorization), Auth("trunk.example.net", "rt")]));
        var proxies = new List<string>();
        foreach (var v in again.GetValues(HeaderId.ProxyAuthorization)) proxies.Add(Encoding.ASCII.GetString(v.Span));
        Assert.Equal(2, proxies.Count);
        Assert.Contains(proxies, p => p.Contains("realm=\"edge\""));
        Assert.Contains(proxies, p => p.Contains("realm=\"core\""));
        Assert.Equal(1, again.CountValues(HeaderId.Authorization));
    }

    [Fact]
    public void Branch_is_replaced_wherever_it_sits_and_added_when_missing()
    {
        var odd = ClientTestMessages.Parse(
            "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h:1;BRANCH=z9hG4bKold;rport, SIP/2.0/UDP other:2;branch=z9hG4bKkeep\r\n" +
            "From: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n\r\n");
        var again = ClientTestMessages.Parse(SipRequestRewriter.Reissue(odd, [], "z9hG4bKfresh"));
        Assert.Equal("SIP/2.0/UDP h:1;BRANCH=z9hG4bKfresh;rport, SIP/2.0/UDP other:2;branch=z9hG4bKkeep", again.GetHeaderString(HeaderId.Via));
        Assert.Equal(2u, again.CSeq);

        var none = ClientTestMessages.Parse(
            "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h:1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\n\r\n");
        Assert.Equal("SIP/2.0/UDP h:1;branch=z9hG4bKfresh",
            ClientTestMessages.Parse(SipRequestRewriter.Reissue(none, [], "z9hG4bKfresh")).GetHeaderString(HeaderId.Via));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var invite = ClientTestMessages.Invite();
        Assert.Throws<ArgumentException>(() => SipRequestRewriter.Reissue(invite, [], "nocookie"));
        Assert.Throws<ArgumentException>(() => SipRequestRewriter.Reissue(invite, [], "z9hG4bK\r\nX: y"));
        Assert.Throws<ArgumentException>(() => SipRequestRewriter.Reissue(invite, [new DigestAuthorizationHeader(HeaderId.Contact, "r", "x")]));
        var response = ClientTestMessages.Challenge(invite, 401, "Digest realm=\"r\", nonce=\"n\"");
        Assert.Throws<ArgumentException>(() => SipRequestRewriter.Reissue(response, []));
    }
}
