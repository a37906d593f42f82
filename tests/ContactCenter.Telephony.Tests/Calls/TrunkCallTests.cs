using System.Text.RegularExpressions;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// Calls through a trunk: in from the provider's network to a DID (an extension, or a service's ring group), and out
/// from an extension by the dial plan to the provider, answering its Digest challenge.
/// </summary>
public sealed class TrunkCallTests
{
    private static string Branch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_trunk_call_to_a_did_rings_its_extension_with_the_caller_in_e164()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);

        // The provider sends the DID in national format and the caller without country code: both are read as US numbers.
        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "2125551234", "2125550123", "trunk-in", Branch()));
        var invite = await h.Callee.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("<sip:+12125551234@", invite.GetHeaderString(HeaderId.From));
        await h.Callee.SendAsync(h.Callee.Response(invite, 180, "Ringing", "callee1"));
        await h.TrunkPeer.ReceiveResponseAsync(180);
        await h.Callee.SendAsync(h.Callee.Response(invite, 200, "OK", "callee1", h.Callee.Sdp));
        await h.Callee.ReceiveRequestAsync(SipMethod.Ack);

        var ok = await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, "trunk-in");
        Assert.Equal(200, ok.StatusCode);
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "ACK", ok, 1));
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "2125551234", "BYE", ok, 2));
        Assert.Equal(200, (await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Bye, "trunk-in")).StatusCode);

        var call = await h.NextEndedAsync();
        var record = call.Record!;
        Assert.Equal(CallDirection.Inbound, record.Direction);
        Assert.Equal(CallEngineHarness.TrunkName, record.Trunk);
        Assert.Equal("+12125550123", record.Did);
        Assert.Equal("+12125551234", record.Caller);
        Assert.Equal("2002", record.AnsweredBy);
        Assert.Equal(HangupSide.Caller, record.HangupSide);
    }

    [Fact]
    public async Task The_same_invite_from_a_phones_address_is_not_taken_for_the_trunk()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        await h.Callee.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        // From 127.0.0.1 this is an "extension" call from a number that is no extension: refused, the DID not reached.
        await h.Caller.SendAsync(h.InviteFrom(h.Caller, "2125551234", "2125550123", "not-trunk", Branch()));
        Assert.Equal(403, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "not-trunk")).StatusCode);
        await h.Callee.AssertSilentAsync(TimeSpan.FromMilliseconds(300), _ => false);
    }

    [Fact]
    public async Task An_unknown_did_from_the_trunk_is_404()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "2125551234", "2125550000", "no-did", Branch()));
        Assert.Equal(404, (await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, "no-did")).StatusCode);
        var call = await h.NextEndedAsync();
        Assert.Equal(CallDirection.Inbound, call.Record!.Direction);
        Assert.Equal(CallEngineHarness.TrunkName, call.Record.Trunk);
    }

    [Fact]
    public async Task A_sequential_service_rings_the_next_member_when_the_first_does_not_answer_in_time()
    {
        var support = new ServiceConfig
        {
            Name = "support", Extensions = ["2002", "2003"], Strategy = RingStrategy.Sequential, RingTimeout = TimeSpan.FromSeconds(1),
        };
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h, support));
        var first = h.Callee;
        var second = h.Phone("2003");
        await first.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await second.RegisterAsync("pw-2003", CallEngineHarness.Realm);

        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "+442079460000", "+12125550199", "seq1", Branch()));
        var firstInvite = await first.ReceiveRequestAsync(SipMethod.Invite);
        await first.SendAsync(first.Response(firstInvite, 180, "Ringing", "first"));
        // Only the first member rings during its turn.
        await second.AssertSilentAsync(TimeSpan.FromMilliseconds(500), _ => false);

        var cancel = await first.ReceiveRequestAsync(SipMethod.Cancel);
        Assert.Equal(firstInvite.CallIdString, cancel.CallIdString);
        await first.SendAsync(first.Response(cancel, 200, "OK", "first"));
        await first.SendAsync(first.Response(firstInvite, 487, "Request Terminated", "first"));

        var secondInvite = await second.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Contains("<sip:+442079460000@", secondInvite.GetHeaderString(HeaderId.From));
        await second.SendAsync(second.Response(secondInvite, 200, "OK", "second", second.Sdp));
        await second.ReceiveRequestAsync(SipMethod.Ack);
        var ok = await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, "seq1");
        Assert.Equal(200, ok.StatusCode);
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "+442079460000", "ACK", ok, 1));
        await h.TrunkPeer.SendAsync(h.InDialog(h.TrunkPeer, "+442079460000", "BYE", ok, 2));

        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal("support", record.ServiceId);
        Assert.Equal("+12125550199", record.Did);
        Assert.Equal("2003", record.AnsweredBy);
        Assert.Equal("+442079460000", record.Caller);
    }

    [Fact]
    public async Task A_ring_all_service_rings_every_member_at_once()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var first = h.Callee;
        var second = h.Phone("2003");
        await first.RegisterAsync("pw-2002", CallEngineHarness.Realm);
        await second.RegisterAsync("pw-2003", CallEngineHarness.Realm);

        await h.TrunkPeer.SendAsync(h.InviteFrom(h.TrunkPeer, "2125551234", "+12125550199", "all1", Branch()));
        var firstInvite = await first.ReceiveRequestAsync(SipMethod.Invite);
        var secondInvite = await second.ReceiveRequestAsync(SipMethod.Invite);
        await second.SendAsync(second.Response(secondInvite, 180, "Ringing", "second"));
        await first.SendAsync(first.Response(firstInvite, 180, "Ringing", "first"));
        await second.SendAsync(second.Response(secondInvite, 200, "OK", "second", second.Sdp));
        Assert.Equal(firstInvite.CallIdString, (await first.ReceiveRequestAsync(SipMethod.Cancel)).CallIdString);
        Assert.Equal(200, (await h.TrunkPeer.ReceiveFinalAsync(SipMethod.Invite, "all1")).StatusCode);
    }

    [Theory]
    [InlineData(401, "WWW-Authenticate", "Authorization")]
    [InlineData(407, "Proxy-Authenticate", "Proxy-Authorization")]
    public async Task An_extension_dialling_out_reaches_the_provider_answers_its_challenge_and_connects(
        int challengeStatus, string challengeHeader, string answerHeader)
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var provider = h.Provider;
        await h.Caller.SendAsync(h.Invite("92125559876", "out1", Branch()));

        var first = await provider.ReceiveRequestAsync(SipMethod.Invite);
        Assert.Equal($"sip:+12125559876@127.0.0.1:{provider.Port}", first.RequestUri.ToString());
        Assert.Equal($"<sip:+12125559876@127.0.0.1:{provider.Port}>", first.GetHeaderString(HeaderId.To));
        Assert.StartsWith($"<sip:{CallEngineHarness.ProviderUser}@office.example>;tag=", first.GetHeaderString(HeaderId.From));
        Assert.Equal("<sip:+12125550100@office.example>", Header(first, "P-Asserted-Identity"));
        Assert.False(first.TryGetHeader(HeaderId.Authorization, out _));

        const string nonce = "4f3a2b1c0d";
        await provider.SendAsync(provider.Response(first, challengeStatus, "Unauthorized", "prov1")
            .Replace("Content-Length: 0", $"{challengeHeader}: Digest realm=\"{CallEngineHarness.ProviderRealm}\", nonce=\"{nonce}\", qop=\"auth\", algorithm=MD5\r\nContent-Length: 0"));
        await provider.ReceiveRequestAsync(SipMethod.Ack); // the non-2xx is ACKed by the transaction layer

        var second = await provider.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CSeq == first.CSeq + 1);
        Assert.Equal(first.CallIdString, second.CallIdString);
        Assert.Equal(first.GetHeaderString(HeaderId.From), second.GetHeaderString(HeaderId.From));
        Assert.NotEqual(first.GetHeaderString(HeaderId.Via), second.GetHeaderString(HeaderId.Via)); // a new transaction
        var answer = Header(second, answerHeader);
        Assert.NotNull(answer);
        AssertDigest(answer, "INVITE", nonce);

        await provider.SendAsync(provider.Response(second, 183, "Session Progress", "prov2"));
        await provider.SendAsync(provider.Response(second, 200, "OK", "prov2", provider.Sdp));
        var ack = await provider.ReceiveRequestAsync(SipMethod.Ack);
        Assert.Equal(second.CSeq, ack.CSeq);
        var ok = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "out1");
        Assert.Equal(200, ok.StatusCode);
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "ACK", ok, 1));
        await h.Caller.SendAsync(h.InDialog(h.Caller, "2001", "BYE", ok, 2));
        var bye = await provider.ReceiveRequestAsync(SipMethod.Bye);
        Assert.Equal(second.CallIdString, bye.CallIdString);
        Assert.True(bye.CSeq > second.CSeq);

        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(CallDirection.Outbound, record.Direction);
        Assert.Equal(CallEngineHarness.TrunkName, record.Trunk);
        Assert.Equal("2001", record.Caller);
        Assert.Equal("+12125559876", record.Callee);
        Assert.Equal("+12125559876", record.AnsweredBy);
    }

    [Fact]
    public async Task A_provider_refusing_the_credentials_again_ends_the_call_without_a_loop()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        var provider = h.Provider;
        await h.Caller.SendAsync(h.Invite("92125559876", "out2", Branch()));
        var challenge = $"WWW-Authenticate: Digest realm=\"{CallEngineHarness.ProviderRealm}\", nonce=\"n1\", qop=\"auth\"\r\nContent-Length: 0";

        var first = await provider.ReceiveRequestAsync(SipMethod.Invite);
        await provider.SendAsync(provider.Response(first, 401, "Unauthorized", "p1").Replace("Content-Length: 0", challenge));
        var second = await provider.ReceiveAsync(m => m.IsRequest && m.Method == SipMethod.Invite && m.CSeq == first.CSeq + 1);
        // The same challenge again (not stale): the password is wrong, and retrying would loop forever.
        await provider.SendAsync(provider.Response(second, 401, "Unauthorized", "p2").Replace("Content-Length: 0", challenge));

        var final = await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "out2");
        Assert.Equal(480, final.StatusCode);
        await provider.AssertSilentAsync(TimeSpan.FromMilliseconds(500), m => m.IsRequest && m.Method == SipMethod.Ack);
        var record = (await h.NextEndedAsync()).Record!;
        Assert.Equal(CallDirection.Outbound, record.Direction);
        Assert.Equal(0, h.MediaLegs);
    }

    [Fact]
    public async Task A_number_no_dial_plan_rule_matches_is_404_and_reaches_no_provider()
    {
        await using var h = new CallEngineHarness(routing: h => CallEngineHarness.OfficeRouting(h));
        await h.Caller.SendAsync(h.Invite("12345", "nomatch", Branch()));
        Assert.Equal(404, (await h.Caller.ReceiveFinalAsync(SipMethod.Invite, "nomatch")).StatusCode);
        await h.Provider.AssertSilentAsync(TimeSpan.FromMilliseconds(300), _ => false);
    }

    private static string? Header(SipMessage message, string name) =>
        message.TryGetHeader(System.Text.Encoding.ASCII.GetBytes(name), out var value) ? System.Text.Encoding.UTF8.GetString(value.Span) : null;

    /// <summary>The Digest response is what the provider computes from its own secret (RFC 2617 with qop=auth).</summary>
    private static void AssertDigest(string header, string method, string nonce)
    {
        string Value(string name)
        {
            var match = Regex.Match(header, $@"(?:^|[\s,]){name}=(?:""([^""]*)""|([^,\s]+))");
            Assert.True(match.Success, $"{name} missing in {header}");
            return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        }
        Assert.StartsWith("Digest ", header);
        Assert.Equal(CallEngineHarness.ProviderUser, Value("username"));
        Assert.Equal(CallEngineHarness.ProviderRealm, Value("realm"));
        Assert.Equal(nonce, Value("nonce"));
        Assert.Equal("auth", Value("qop"));
        string uri = Value("uri"), cnonce = Value("cnonce"), nc = Value("nc");
        var ha1 = RawSipPeer.Md5($"{CallEngineHarness.ProviderUser}:{CallEngineHarness.ProviderRealm}:{CallEngineHarness.ProviderPassword}");
        var ha2 = RawSipPeer.Md5($"{method}:{uri}");
        Assert.Equal(RawSipPeer.Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"), Value("response"));
        Assert.StartsWith("sip:+12125559876@", uri);
    }
}
