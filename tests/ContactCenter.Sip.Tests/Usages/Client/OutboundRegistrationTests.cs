using System.Net;
using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>OutboundRegistration over a real transaction layer, a scripted registrar below it, and fake time for everything.</summary>
public sealed class OutboundRegistrationTests : IAsyncDisposable
{
    private const string Realm = "provider.example";
    private const string Contact = "sip:trunkuser@192.0.2.5:5060";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedRegistrar _registrar;
    private readonly SipTransactionLayer _layer;
    private OutboundRegistration? _registration;

    public OutboundRegistrationTests()
    {
        _registrar = new ScriptedRegistrar((_, _) => null);
        _layer = new SipTransactionLayer(_registrar, _time, SipTimerSettings.Default, new NullTransactionUser());
        _registrar.Layer = _layer;
    }

    public async ValueTask DisposeAsync()
    {
        // Stopping would send an unregistration nobody answers here; the layer's disposal ends it at once.
        _layer.Dispose();
        if (_registration is not null) await _registration.DisposeAsync();
    }

    private OutboundRegistration Create(int expires = 3600, string password = "secret")
    {
        _registration = new OutboundRegistration(new OutboundRegistrationOptions
        {
            Aor = "sip:trunkuser@provider.example",
            RegistrarUri = "sip:provider.example",
            Destination = new SipDestination(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5060)),
            Contact = Contact,
            ViaSentBy = "192.0.2.5:5060",
            RequestedExpires = expires,
            UserAgent = "ContactCenter-test",
        }, _layer, SipClientCredentials.FromPassword("trunkuser", password), _time);
        return _registration;
    }

    /// <summary>A registrar that challenges each unauthenticated REGISTER (nonce per request) and accepts the right digest.</summary>
    private static byte[] DigestRegistrar(SipMessage request, int number, string password, Func<SipMessage, byte[]> accept)
    {
        if (!request.TryGetHeader(HeaderId.Authorization, out var auth))
            return ScriptedRegistrar.Answer(request, 401, "Unauthorized",
                $"WWW-Authenticate: Digest realm=\"{Realm}\", nonce=\"nonce-{number}\", algorithm=MD5, qop=\"auth\"");
        Assert.True(DigestCredentialsParser.TryParse(auth.Span, out var c, out _));
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "trunkuser", Realm, password);
        string expected = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, c.Nonce.ToString(), "REGISTER", c.Uri.ToString(), "auth",
            c.NonceCountText.ToString(), c.Cnonce.ToString());
        return expected == c.Response.ToString() ? accept(request) : ScriptedRegistrar.Answer(request, 403, "Forbidden");
    }

    private static string Header(SipMessage m, HeaderId id) => m.GetHeaderString(id) ?? "";

    [Fact]
    public async Task Registers_through_a_challenge_then_refreshes_with_the_same_call_id_and_rising_cseq()
    {
        _registrar.Script = (r, n) => DigestRegistrar(r, n, "secret", req => ScriptedRegistrar.Answer(req, 200, "OK",
            "Contact: <sip:otherdevice@203.0.113.9>;expires=3000", $"Contact: <{Contact}>;expires=120", "Expires: 999"));
        var registration = Create();
        var states = new StateRecorder(registration);
        registration.Start();

        var up = await states.WaitForAsync(RegistrationState.Registered);
        Assert.Equal(200, up.StatusCode);
        Assert.Equal(120, up.GrantedExpires);
        Assert.Equal(RegistrationState.Registering, up.Previous);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(88), registration.NextAttemptAt);

        var first = _registrar.Requests;
        Assert.Equal(2, first.Count);
        Assert.Equal([1u, 2u], first.Select(r => r.CSeq));
        Assert.False(first[0].HasHeader(HeaderId.Authorization));
        Assert.True(first[1].HasHeader(HeaderId.Authorization));
        Assert.NotEqual(Encoding.ASCII.GetString(first[0].Branch.Span), Encoding.ASCII.GetString(first[1].Branch.Span));
        Assert.Equal("3600", Header(first[0], HeaderId.Expires));
        Assert.Equal($"<{Contact}>", Header(first[0], HeaderId.Contact));
        Assert.Equal("<sip:trunkuser@provider.example>", Header(first[0], HeaderId.To));
        Assert.Equal("ContactCenter-test", Header(first[0], HeaderId.UserAgent));
        Assert.Equal("sip:provider.example", Encoding.ASCII.GetString(first[0].RequestUriBytes.Span));

        _time.Advance(TimeSpan.FromSeconds(88));
        await _registrar.WaitForRequestsAsync(4);
        var all = _registrar.Requests;
        Assert.Equal([1u, 2u, 3u, 4u], all.Select(r => r.CSeq));
        Assert.Single(all.Select(r => r.CallIdString).Distinct());
        Assert.Single(all.Select(r => Encoding.ASCII.GetString(r.FromTag.Span)).Distinct());
        Assert.Equal(registration.CallId, all[0].CallIdString);
        Assert.Equal(4, all.Select(r => Encoding.ASCII.GetString(r.Branch.Span)).Distinct().Count());

        // The refresh keeps the state: no second "up" event, the next refresh is rescheduled.
        await WaitUntilAsync(() => registration.NextAttemptAt == _time.GetUtcNow() + TimeSpan.FromSeconds(88));
        Assert.Single(states.Changes, c => c.State == RegistrationState.Registered);
        Assert.Equal(RegistrationState.Registered, registration.State);
    }

    [Fact]
    public async Task Interval_too_brief_is_retried_with_min_expires_which_is_kept()
    {
        _registrar.Script = (r, n) => Header(r, HeaderId.Expires) == "30"
            ? ScriptedRegistrar.Answer(r, 423, "Interval Too Brief", "Min-Expires: 600")
            : DigestRegistrar(r, n, "secret", req => ScriptedRegistrar.Answer(req, 200, "OK", $"Contact: <{Contact}>", "Expires: 600"));
        var registration = Create(expires: 30);
        var states = new StateRecorder(registration);
        registration.Start();

        var up = await states.WaitForAsync(RegistrationState.Registered);
        Assert.Equal(600, up.GrantedExpires);
        var sent = _registrar.Requests;
        Assert.Equal(["30", "600", "600"], sent.Select(r => Header(r, HeaderId.Expires)));
        Assert.Equal([1u, 2u, 3u], sent.Select(r => r.CSeq));

        _time.Advance(RegistrationTiming.RefreshDelay(600));
        await _registrar.WaitForRequestsAsync(4);
        Assert.Equal("600", Header(_registrar.Requests[3], HeaderId.Expires));
    }

    [Fact]
    public async Task Wrong_password_challenged_again_fails_without_looping()
    {
        // Asterisk's answer to a wrong digest: another 401, fresh nonce, no stale.
        _registrar.Script = (r, n) => ScriptedRegistrar.Answer(r, 401, "Unauthorized",
            $"WWW-Authenticate: Digest realm=\"{Realm}\", nonce=\"n{n}\", algorithm=MD5, qop=\"auth\"");
        var registration = Create(password: "wrong");
        var states = new StateRecorder(registration);
        registration.Start();

        var down = await states.WaitForAsync(RegistrationState.Failed);
        Assert.Equal(401, down.StatusCode);
        Assert.Contains("rejected", down.Reason);
        Assert.Equal(2, _registrar.Requests.Count);
        Assert.Equal(RegistrationState.Failed, registration.State);
    }

    [Fact]
    public async Task Failures_back_off_doubling_with_jitter_and_recover()
    {
        bool fail = true;
        _registrar.Script = (r, _) => fail
            ? ScriptedRegistrar.Answer(r, 503, "Service Unavailable")
            : ScriptedRegistrar.Answer(r, 200, "OK", $"Contact: <{Contact}>;expires=3600");
        var registration = Create();
        var states = new StateRecorder(registration);
        registration.Start();

        var down = await states.WaitForAsync(RegistrationState.Failed);
        Assert.Equal((503, "Service Unavailable"), (down.StatusCode, down.Reason));
        var firstWait = registration.NextAttemptAt!.Value - _time.GetUtcNow();
        Assert.InRange(firstWait.TotalSeconds, 24, 30);

        _time.Advance(firstWait);
        await _registrar.WaitForRequestsAsync(2);
        await WaitUntilAsync(() => registration.NextAttemptAt is { } at && at > _time.GetUtcNow());
        var secondWait = registration.NextAttemptAt!.Value - _time.GetUtcNow();
        Assert.InRange(secondWait.TotalSeconds, 48, 60);
        Assert.Single(states.Changes, c => c.State == RegistrationState.Failed);

        fail = false;
        _time.Advance(secondWait);
        var up = await states.WaitForAsync(RegistrationState.Registered);
        Assert.Equal(RegistrationState.Failed, up.Previous);
        Assert.Equal(3600, up.GrantedExpires);
    }

    [Fact]
    public async Task No_answer_times_out_as_408_on_the_transaction_timer()
    {
        var registration = Create();
        var states = new StateRecorder(registration);
        registration.Start();
        await _registrar.WaitForRequestsAsync(1);

        _time.Advance(SipTimerSettings.Default.TransactionTimeout);
        var down = await states.WaitForAsync(RegistrationState.Failed);
        Assert.Equal(408, down.StatusCode);
    }

    [Fact]
    public async Task Stop_unregisters_with_expires_zero_answering_the_challenge_again()
    {
        _registrar.Script = (r, n) => DigestRegistrar(r, n, "secret", req => ScriptedRegistrar.Answer(req, 200, "OK",
            Header(req, HeaderId.Expires) == "0" ? [] : [$"Contact: <{Contact}>;expires=3600"]));
        var registration = Create();
        var states = new StateRecorder(registration);
        registration.Start();
        await states.WaitForAsync(RegistrationState.Registered);

        await registration.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var off = await states.WaitForAsync(RegistrationState.Unregistered);
        Assert.Equal(200, off.StatusCode);
        var sent = _registrar.Requests;
        Assert.Equal(4, sent.Count);
        Assert.Equal(["3600", "3600", "0", "0"], sent.Select(r => Header(r, HeaderId.Expires)));
        Assert.Equal([1u, 2u, 3u, 4u], sent.Select(r => r.CSeq));
        Assert.Equal($"<{Contact}>", Header(sent[3], HeaderId.Contact));
        Assert.Null(registration.NextAttemptAt);
        Assert.Throws<InvalidOperationException>(registration.Start);
    }

    [Fact]
    public async Task Stop_before_any_request_sends_nothing()
    {
        var registration = Create();
        var states = new StateRecorder(registration);
        await registration.StopAsync();
        Assert.Empty(_registrar.Requests);
        Assert.Equal(RegistrationState.Unregistered, registration.State);
        Assert.DoesNotContain(states.Changes, c => c.State != RegistrationState.Unregistered);
    }

    [Theory]
    [InlineData("trunkuser@provider.example", "sip:p", "sip:c@h", "h:5060")]
    [InlineData("sip:a@b", "<sip:p>", "sip:c@h", "h:5060")]
    [InlineData("sip:a@b", "sip:p", "sip:c@h\r\nX: y", "h:5060")]
    [InlineData("sip:a@b", "sip:p", "sip:c@h", "h 5060")]
    public void Unusable_options_are_refused(string aor, string registrar, string contact, string sentBy) =>
        Assert.Throws<ArgumentException>(() => new OutboundRegistration(new OutboundRegistrationOptions
        {
            Aor = aor,
            RegistrarUri = registrar,
            Destination = new SipDestination(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5060)),
            Contact = contact,
            ViaSentBy = sentBy,
        }, _layer, SipClientCredentials.FromPassword("u", "p"), _time));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // The loop's continuation runs on the thread pool after the state event; yield until it has run.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not reached.");
            await Task.Yield();
        }
    }
}
