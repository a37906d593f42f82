using System.Net;
using System.Text;
using ContactCenter.Events.InProcess;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Benchmarks.Calls;

/// <summary>
/// The call-load benchmark's call (`tests/load/call-load.sh`: a trunk calls a DID that rings one registered extension,
/// which answers; the trunk hangs up) run in process, without sockets and without sipp: the SIP transaction layer, the
/// call engine, SDP, the media engine's legs and RTP ports and the event bus are the server's own; the network is
/// <see cref="CapturingSender"/>, and the driver plays the trunk and the phone one message at a time. What it measures
/// is the server's own work per call, apart from the kernel's UDP and from this box's neighbours. No CDR store (its
/// SQLite writes are measured with the server, in call-load.sh). The driver's own work is in the figures too: building
/// the seven messages it sends and parsing the three it answers.
/// </summary>
internal sealed class InProcessCallDriver : IAsyncDisposable
{
    private static readonly IPEndPoint Server = new(IPAddress.Loopback, 5060);

    private static readonly string OfferSdp =
        "v=0\r\no=trunk 1 1 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0 8\r\n" +
        "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";

    private static readonly byte[] AnswerSdp = Encoding.ASCII.GetBytes(
        "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 30002 RTP/AVP 0\r\n" +
        "a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n");

    private readonly CapturingSender _network = new();
    private readonly LocationService _location = new(TimeProvider.System, TimeSpan.FromMinutes(10));
    private readonly SipStack _stack;
    private readonly SipTransactionLayer _transactions;
    private readonly MediaEngine _media;
    private readonly InProcessEventBus _bus = new(TimeProvider.System);
    private readonly CallEngine _engine;
    private readonly Line[] _lines;

    /// <summary>One trunk port and one phone (extension 3000 + line, reached by DID +1212555 3000 + line) per line.</summary>
    private sealed class Line(int index, CapturingSender network)
    {
        public readonly string Extension = (3000 + index).ToString();
        public readonly string Did = "+12125553" + (index % 1000).ToString("000");
        public readonly IPEndPoint Trunk = new(IPAddress.Parse("127.0.0.2"), 20000 + index);
        public readonly IPEndPoint Phone = new(IPAddress.Loopback, 30000 + index);
        public readonly SipSource FromTrunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("127.0.0.2"), 20000 + index), Server);
        public readonly SipSource FromPhone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 30000 + index), Server);
        public readonly CapturingSender.Inbox Inbox = network.Listen(
            new IPEndPoint(IPAddress.Parse("127.0.0.2"), 20000 + index), new IPEndPoint(IPAddress.Loopback, 30000 + index));
        public long Calls;
        public string Contact => $"<sip:{Extension}@127.0.0.1:{Phone.Port}>";
    }

    /// <param name="lines">Independent trunk-and-phone pairs, each driven by one thread at a time.</param>
    public InProcessCallDriver(int lines = 1)
    {
        if (lines is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(lines), lines, "1 to 1000 lines.");
        _lines = [.. Enumerable.Range(0, lines).Select(i => new Line(i, _network))];
        var now = DateTimeOffset.UtcNow;
        foreach (var line in _lines)
        {
            var uri = $"sip:{line.Extension}@127.0.0.1:{line.Phone.Port}";
            var binding = new RegistrationBinding(line.Extension, uri, uri, 1f, now, now.AddDays(1), "bench-" + line.Extension, 1, line.FromPhone, null, null);
            _location.Update(line.Extension, binding, static (_, b) => new RegistrarDecision([b], []));
        }

        // The stack is not started (no socket): it provides the core that hands INVITEs to the engine.
        _stack = new SipStack(new SipStackOptions { Registrar = new RegistrarOptions { Realm = "bench" } }, new InMemorySipCredentialStore(),
            _location, NullSipLog.Instance, TimeProvider.System);
        _transactions = new SipTransactionLayer(_network, TimeProvider.System, SipTimerSettings.Default, _stack.Core, _stack.Options.MaxServerTransactions);
        _media = new MediaEngine(new MediaEngineOptions
        {
            Ports = new RtpPortAllocatorOptions { BindAddress = IPAddress.Loopback, MinPort = 46000, MaxPort = 47999 },
        });
        _media.Start();
        var routing = new RoutingConfiguration
        {
            Profiles =
            [
                new RoutingProfileConfig
                {
                    Name = "bench",
                    Extensions = [.. _lines.Select(l => l.Extension)],
                    Trunks = [new TrunkConfig { Name = "carrier", DefaultCountry = "US", InboundSources = ["127.0.0.2/32"] }],
                    Dids = [.. _lines.Select(l => new DidConfig { Number = l.Did, Extension = l.Extension })],
                },
            ],
        };
        var extensions = _lines.Select(l => l.Extension).ToHashSet(StringComparer.Ordinal);
        _engine = new CallEngine(_transactions, _network, _location, _media, extensions.Contains, new CallEngineOptions(),
            null, _bus, NullSipLog.Instance, TimeProvider.System)
        {
            Routing = RoutingTable.Create(routing),
            Profile = "bench",
        };
        _stack.Core.AttachSessions(_engine);
    }

    public int Lines => _lines.Length;

    /// <summary>
    /// One call on <paramref name="lineIndex"/>, from the trunk's INVITE to the phone's 200 for our BYE. One thread per
    /// line at a time; lines run concurrently.
    /// </summary>
    public void RunOneCall(int lineIndex = 0)
    {
        var line = _lines[lineIndex];
        long n = ++line.Calls;
        var inbox = line.Inbox;
        string callId = $"bench-{lineIndex}-{n}@127.0.0.2", trunkTag = $"t{n}", via = $"127.0.0.2:{line.Trunk.Port}";
        Receive(Encoding.ASCII.GetBytes(
            $"INVITE sip:{line.Did}@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP {via};branch=z9hG4bK-b{lineIndex}-{n}-i;rport\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:+12125551234@127.0.0.2>;tag={trunkTag}\r\nTo: <sip:{line.Did}@127.0.0.1>\r\n" +
            $"Call-ID: {callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:trunk@{via}>\r\nContent-Type: application/sdp\r\n" +
            $"Content-Length: {OfferSdp.Length}\r\n\r\n{OfferSdp}"), line.FromTrunk);

        // The phone rings and answers.
        ReadOnlyMemory<byte> sent;
        bool invited;
        do sent = inbox.NextEither("INVITE "u8, "SIP/2.0 "u8, out invited);
        while (!invited && sent.Span.StartsWith("SIP/2.0 1"u8)); // the trunk's 100 Trying
        if (!invited)
            throw new InvalidOperationException("The server refused the call: " + Encoding.ASCII.GetString(sent.Span[..sent.Span.IndexOf("\r\n"u8)]));
        var invite = Parse(sent);
        var phoneTag = Encoding.ASCII.GetBytes($"p{n}");
        Receive(SipResponseFactory.Create(invite, 180, "Ringing", phoneTag).Header(HeaderId.Contact, line.Contact).Finish(), line.FromPhone);
        inbox.Next("SIP/2.0 180 "u8);
        Receive(SipResponseFactory.Create(invite, 200, "OK", phoneTag).Header(HeaderId.Contact, line.Contact)
            .Finish(AnswerSdp, "application/sdp"), line.FromPhone);

        // The server ACKs the phone and answers the trunk (either order).
        var ok = Parse(NextOf(inbox, "SIP/2.0 200 "u8, "ACK "u8));
        var serverTag = Encoding.ASCII.GetString(ok.ToTag.Span);
        var contact = ok.GetHeaderString(HeaderId.Contact)!;
        var target = contact[(contact.IndexOf('<') + 1)..contact.IndexOf('>')];
        string InDialog(string method, int cseq, string branch) =>
            $"{method} {target} SIP/2.0\r\nVia: SIP/2.0/UDP {via};branch=z9hG4bK-b{lineIndex}-{n}-{branch};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:+12125551234@127.0.0.2>;tag={trunkTag}\r\nTo: <sip:{line.Did}@127.0.0.1>;tag={serverTag}\r\n" +
            $"Call-ID: {callId}\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";
        Receive(Encoding.ASCII.GetBytes(InDialog("ACK", 1, "a")), line.FromTrunk);
        Receive(Encoding.ASCII.GetBytes(InDialog("BYE", 2, "b")), line.FromTrunk);

        // The trunk's BYE is answered and passed on; the phone answers ours.
        var bye = Parse(NextOf(inbox, "BYE "u8, "SIP/2.0 200 "u8));
        Receive(SipResponseFactory.Create(bye, 200, "OK").Finish(), line.FromPhone);
    }

    /// <summary>Waits until the engine holds no call (the last 200 of each call handled).</summary>
    public void Drain()
    {
        if (!SpinWait.SpinUntil(() => _engine.HeldCalls == 0, TimeSpan.FromSeconds(10)))
            throw new TimeoutException($"{_engine.HeldCalls} call(s) still held 10 s after their last message.");
    }

    /// <summary>Takes messages until one starting with each prefix was seen; returns the first prefix's.</summary>
    private static ReadOnlyMemory<byte> NextOf(CapturingSender.Inbox inbox, ReadOnlySpan<byte> wanted, ReadOnlySpan<byte> alsoExpected)
    {
        var first = inbox.NextEither(wanted, alsoExpected, out bool gotWanted);
        if (gotWanted)
        {
            inbox.Next(alsoExpected);
            return first;
        }
        return inbox.Next(wanted);
    }

    private void Receive(byte[] datagram, SipSource source)
    {
        if (!SipMessageParser.TryParse(datagram, out var message, out var error) || message is null)
            throw new InvalidOperationException($"The driver built an unparseable message ({error}).");
        message.Source = source;
        _transactions.OnMessage(message);
    }

    private static SipMessage Parse(ReadOnlyMemory<byte> sent) =>
        SipMessageParser.TryParse(sent, out var message, out var error) && message is not null
            ? message
            : throw new InvalidOperationException($"The server sent an unparseable message ({error}).");

    public async ValueTask DisposeAsync()
    {
        _transactions.Dispose();
        await _stack.DisposeAsync();
        _media.Dispose();
        _location.Dispose();
    }
}
