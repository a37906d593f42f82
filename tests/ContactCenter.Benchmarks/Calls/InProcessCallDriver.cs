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
    private static readonly IPEndPoint TrunkAddress = new(IPAddress.Parse("127.0.0.2"), 5060);
    private static readonly IPEndPoint PhoneAddress = new(IPAddress.Loopback, 5099);
    private static readonly SipSource FromTrunk = new(SipTransportKind.Udp, TrunkAddress, Server);
    private static readonly SipSource FromPhone = new(SipTransportKind.Udp, PhoneAddress, Server);
    private const string PhoneContact = "<sip:2002@127.0.0.1:5099>";

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
    private long _calls;

    public InProcessCallDriver()
    {
        var now = DateTimeOffset.UtcNow;
        var binding = new RegistrationBinding("2002", "sip:2002@127.0.0.1:5099", "sip:2002@127.0.0.1:5099", 1f, now, now.AddDays(1),
            "bench-registration", 1, FromPhone, null, null);
        _location.Update("2002", binding, static (_, b) => new RegistrarDecision([b], []));

        // The stack is not started (no socket): it provides the core that hands INVITEs to the engine.
        _stack = new SipStack(new SipStackOptions { Registrar = new RegistrarOptions { Realm = "bench" } }, new InMemorySipCredentialStore(),
            _location, NullSipLog.Instance, TimeProvider.System);
        _transactions = new SipTransactionLayer(_network, TimeProvider.System, SipTimerSettings.Default, _stack.Core);
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
                    Extensions = ["2001", "2002"],
                    Trunks = [new TrunkConfig { Name = "carrier", DefaultCountry = "US", InboundSources = ["127.0.0.2/32"] }],
                    Dids = [new DidConfig { Number = "+12125550123", Extension = "2002" }],
                },
            ],
        };
        _engine = new CallEngine(_transactions, _network, _location, _media, number => number is "2001" or "2002", new CallEngineOptions(),
            null, _bus, NullSipLog.Instance, TimeProvider.System)
        {
            Routing = RoutingTable.Create(routing),
            Profile = "bench",
        };
        _stack.Core.AttachSessions(_engine);
    }

    /// <summary>One call from INVITE to the phone's 200 for our BYE, and the engine has let it go.</summary>
    public void RunOneCall()
    {
        long n = ++_calls;
        string callId = $"bench-{n}@127.0.0.2", trunkTag = $"t{n}";
        Receive(Encoding.ASCII.GetBytes(
            $"INVITE sip:+12125550123@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK-b{n}-i;rport\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:+12125551234@127.0.0.2>;tag={trunkTag}\r\nTo: <sip:+12125550123@127.0.0.1>\r\n" +
            $"Call-ID: {callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:trunk@127.0.0.2:5060>\r\nContent-Type: application/sdp\r\n" +
            $"Content-Length: {OfferSdp.Length}\r\n\r\n{OfferSdp}"), FromTrunk);

        // The phone rings and answers.
        var invite = Parse(_network.Next("INVITE "u8));
        var phoneTag = Encoding.ASCII.GetBytes($"p{n}");
        Receive(SipResponseFactory.Create(invite, 180, "Ringing", phoneTag).Header(HeaderId.Contact, PhoneContact).Finish(), FromPhone);
        _network.Next("SIP/2.0 180 "u8);
        Receive(SipResponseFactory.Create(invite, 200, "OK", phoneTag).Header(HeaderId.Contact, PhoneContact)
            .Finish(AnswerSdp, "application/sdp"), FromPhone);

        // The server ACKs the phone and answers the trunk (either order).
        var ok = Parse(NextOf("SIP/2.0 200 "u8, "ACK "u8));
        var serverTag = Encoding.ASCII.GetString(ok.ToTag.Span);
        var contact = ok.GetHeaderString(HeaderId.Contact)!;
        var target = contact[(contact.IndexOf('<') + 1)..contact.IndexOf('>')];
        string InDialog(string method, int cseq, string branch) =>
            $"{method} {target} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.2:5060;branch=z9hG4bK-b{n}-{branch};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:+12125551234@127.0.0.2>;tag={trunkTag}\r\nTo: <sip:+12125550123@127.0.0.1>;tag={serverTag}\r\n" +
            $"Call-ID: {callId}\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";
        Receive(Encoding.ASCII.GetBytes(InDialog("ACK", 1, "a")), FromTrunk);
        Receive(Encoding.ASCII.GetBytes(InDialog("BYE", 2, "b")), FromTrunk);

        // The trunk's BYE is answered and passed on; the phone answers ours.
        var bye = Parse(NextOf("BYE "u8, "SIP/2.0 200 "u8));
        Receive(SipResponseFactory.Create(bye, 200, "OK").Finish(), FromPhone);
        if (!SpinWait.SpinUntil(() => _engine.HeldCalls == 0, TimeSpan.FromSeconds(5)))
            throw new TimeoutException($"{_engine.HeldCalls} call(s) still held 5 s after the last message.");
    }

    /// <summary>Takes messages until one starting with each prefix was seen; returns the first prefix's.</summary>
    private ReadOnlyMemory<byte> NextOf(ReadOnlySpan<byte> wanted, ReadOnlySpan<byte> alsoExpected)
    {
        var first = _network.NextEither(wanted, alsoExpected, out bool gotWanted);
        if (gotWanted)
        {
            _network.Next(alsoExpected);
            return first;
        }
        return _network.Next(wanted);
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
