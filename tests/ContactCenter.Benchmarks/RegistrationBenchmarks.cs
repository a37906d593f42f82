using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Core;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Benchmarks;

/// <summary>
/// What one REGISTER-with-digest registration costs the server, without sockets: the unauthenticated REGISTER (parse,
/// server transaction, UAS core, registrar, stateless 401) and the authorized one (parse, transaction, Digest check,
/// location update, 200 kept for Timer J), through <see cref="SipTransactionLayer"/> → <see cref="SipServerCore"/> →
/// <see cref="RegistrarUsage"/> with a sender that only keeps the last response. 100 extensions registered round-robin,
/// so every authorized REGISTER refreshes a binding, as under sipp load.
/// </summary>
/// <remarks>
/// <see cref="Registration"/> includes the client's work (building both requests, the MD5 response);
/// <see cref="ClientWorkOnly"/> does that work alone, so the server's share is the difference. T1 is 1 ms, so Timer J
/// (64*T1) empties the transaction table as the benchmark runs instead of letting it grow for 32 s.
/// </remarks>
[MemoryDiagnoser]
public class RegistrationBenchmarks
{
    private const string Realm = "load.test";
    private const int Users = 100;

    private static readonly SipSource Source =
        new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 25070), new IPEndPoint(IPAddress.Loopback, 5060));

    private readonly string[] _ha1 = new string[Users];
    private LastResponseSender _sender = null!;
    private SipTransactionLayer _layer = null!;
    private LocationService _location = null!;
    private string _nonce = "";
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var time = TimeProvider.System;
        var credentials = new InMemorySipCredentialStore();
        for (int i = 0; i < Users; i++)
        {
            string user = User(i);
            credentials.Set(user, Realm, "pw" + user);
            _ha1[i] = DigestHash.ComputeHa1(DigestAlgorithm.Md5, user, Realm, "pw" + user);
        }
        var nonces = new NonceService(time);
        var authenticator = new DigestAuthenticator(credentials, nonces, new NonceCountTracker(time, nonces.Lifetime),
            new AuthFailureLimiter(time), new DigestAuthenticatorOptions { ChallengeAlgorithms = [DigestAlgorithm.Md5] });
        _location = new LocationService(time, TimeSpan.FromSeconds(1));
        var registrar = new RegistrarUsage(new RegistrarOptions { Realm = Realm }, _location, authenticator, time, NullSipLog.Instance);
        var core = new SipServerCore(new UasCapabilities(), registrar, NullSipLog.Instance, time);
        _sender = new LastResponseSender();
        var timers = new SipTimerSettings { T1 = TimeSpan.FromMilliseconds(1), T2 = TimeSpan.FromMilliseconds(4) };
        _layer = new SipTransactionLayer(_sender, time, timers, core, maxServerTransactions: 1_000_000);

        Deliver(Request(0, 1, authorization: null));
        _nonce = NonceOf(_sender.Last.Span);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _layer.Dispose();
        _location.Dispose();
    }

    /// <summary>REGISTER → 401 → REGISTER with credentials → 200: one registration, client work included.</summary>
    [Benchmark]
    public int Registration()
    {
        int n = ++_next;
        Deliver(Request(n, 1, authorization: null));
        string nonce = NonceOf(_sender.Last.Span);
        Deliver(Request(n, 2, Authorization(n, nonce)));
        return ExpectStatus(200);
    }

    /// <summary>The unauthenticated REGISTER alone: parse, transaction, core, registrar, stateless 401 (client work included).</summary>
    [Benchmark]
    public int Challenge()
    {
        Deliver(Request(++_next, 1, authorization: null));
        return ExpectStatus(401);
    }

    /// <summary>The client's part of <see cref="Registration"/>: both requests built and parsed, the digest computed.</summary>
    [Benchmark(Baseline = true)]
    public int ClientWorkOnly()
    {
        int n = ++_next;
        var first = Request(n, 1, authorization: null);
        var second = Request(n, 2, Authorization(n, _nonce));
        SipMessageParser.TryParse(first, out var a, out _);
        SipMessageParser.TryParse(second, out var b, out _);
        return a!.HeaderCount + b!.HeaderCount;
    }

    private void Deliver(byte[] bytes)
    {
        if (!SipMessageParser.TryParse(bytes, out var message, out var error) || message is null)
            throw new InvalidOperationException($"The benchmark's request did not parse: {error}.");
        message.Source = Source;
        _layer.OnMessage(message);
    }

    private int ExpectStatus(int status)
    {
        var response = _sender.Last.Span;
        int code = (response[8] - '0') * 100 + (response[9] - '0') * 10 + (response[10] - '0');
        if (code != status) throw new InvalidOperationException($"Expected {status}, got: {Encoding.ASCII.GetString(response)}");
        return code;
    }

    private string Authorization(int n, string nonce)
    {
        string user = User(n % Users);
        // Each registration has its own Call-ID and nonce use, so nc 1 is always fresh.
        string response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, _ha1[n % Users], nonce, "REGISTER", "sip:127.0.0.1:5060",
            "auth", "00000001", "c" + n);
        return $"Digest username=\"{user}\",realm=\"{Realm}\",cnonce=\"c{n}\",nc=00000001,qop=auth,uri=\"sip:127.0.0.1:5060\",nonce=\"{nonce}\",response=\"{response}\",algorithm=MD5";
    }

    private static byte[] Request(int n, int cseq, string? authorization)
    {
        string user = User(n % Users);
        return Encoding.ASCII.GetBytes(
            $"REGISTER sip:127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:25070;branch=z9hG4bK-{n}-{cseq};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:{user}@127.0.0.1>;tag={n}\r\nTo: <sip:{user}@127.0.0.1>\r\nCall-ID: {n}@127.0.0.1\r\nCSeq: {cseq} REGISTER\r\n" +
            $"Contact: <sip:{user}@127.0.0.1:25070;transport=UDP>\r\n" +
            (authorization != null ? $"Authorization: {authorization}\r\n" : "") +
            "Expires: 3600\r\nUser-Agent: bench\r\nContent-Length: 0\r\n\r\n");
    }

    private static string User(int index) => (2000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NonceOf(ReadOnlySpan<byte> challenge)
    {
        int start = challenge.IndexOf("nonce=\""u8);
        if (start < 0) throw new InvalidOperationException("No nonce in: " + Encoding.ASCII.GetString(challenge));
        var rest = challenge[(start + 7)..];
        return Encoding.ASCII.GetString(rest[..rest.IndexOf((byte)'"')]);
    }

    /// <summary>Keeps a reference to the last response (no copy): the server's bytes, not a benchmark artefact.</summary>
    private sealed class LastResponseSender : ISipSender
    {
        public ReadOnlyMemory<byte> Last { get; private set; }

        public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
        {
            Last = message;
            return true;
        }

        public SipDestination ResponseDestination(SipMessage request) => new(SipTransportKind.Udp, request.Source!.RemoteEndPoint);
    }
}
