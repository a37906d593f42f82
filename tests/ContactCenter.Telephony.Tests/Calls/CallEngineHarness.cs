using System.Net;
using System.Threading.Channels;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Timing;
using ContactCenter.Sip;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// A SIP stack on loopback with the call engine attached and a media engine on loopback; extensions 2001–2003
/// (password "pw-&lt;n&gt;"); 2001 and 2002 as hand-driven phones. No CDR store: ended calls are collected; call events go to an in-process bus (<see cref="Events"/> reads them).
/// With <c>routing</c> the engine gets a <see cref="RoutingTable"/> built for the harness's own peers: a
/// <see cref="TrunkPeer"/> on 127.0.0.2 (the trunk's inbound network) and a <see cref="Provider"/> the trunk sends to.
/// </summary>
internal sealed class CallEngineHarness : IAsyncDisposable
{
    public const string Realm = "calls.test";
    private static readonly string[] Extensions = ["2001", "2002", "2003"];

    private readonly LocationService _location = new(TimeProvider.System, TimeSpan.FromSeconds(1));
    private readonly MediaEngine _media;
    private readonly SipStack _stack;
    private readonly List<RawSipPeer> _extraPeers = [];

    /// <param name="routing">Builds the routing configuration once the peers exist (see <see cref="OfficeRouting"/>).</param>
    /// <param name="authenticateInvites">INVITEs from extensions are challenged with 407 (realm <see cref="Realm"/>).</param>
    /// <param name="rtpPorts">A small RTP port range of the test's own, to run out of ports.</param>
    public CallEngineHarness(TimeSpan? noAnswer = null, TimeSpan? mediaInactivity = null, bool requireRegisteredCaller = false,
        Func<CallEngineHarness, RoutingConfiguration>? routing = null, bool authenticateInvites = false, int? maxCalls = null,
        (int Min, int Max)? rtpPorts = null, Func<string, bool>? recordsExtension = null,
        TimeProvider? engineTime = null, int? queueCapacity = null, int? maxPendingWork = null)
    {
        var credentials = new InMemorySipCredentialStore();
        foreach (var number in Extensions) credentials.Set(number, Realm, "pw-" + number);
        _stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            Registrar = new RegistrarOptions { Realm = Realm },
        }, credentials, _location, NullSipLog.Instance, TimeProvider.System);
        _media = new MediaEngine(new MediaEngineOptions
        {
            Ports = new RtpPortAllocatorOptions { BindAddress = IPAddress.Loopback, MinPort = rtpPorts?.Min ?? 42000, MaxPort = rtpPorts?.Max ?? 42999 },
            RecordingDirectory = RecordingDirectory,
            Endpoint = new RtpEndpointOptions { InactivityTimeout = mediaInactivity ?? TimeSpan.FromSeconds(30) },
        });
        _media.Start(); // the engine ticks on its own media clock
        // Started before the engine is attached (nothing is sent to it yet): the routing needs the peers' ports.
        _stack.Start();
        Server = _stack.LocalEndPoints[0].EndPoint;
        Caller = new RawSipPeer("2001", Server);
        Callee = new RawSipPeer("2002", Server);
        TrunkPeer = new RawSipPeer("+12125550100", Server, TrunkAddress);
        Provider = new RawSipPeer("provider", Server);
        Third = new RawSipPeer("2003", Server);
        Engine = new CallEngine(_stack.Transactions, _stack.Transport, _location, _media, Extensions.Contains,
            new CallEngineOptions { NoAnswerTimeout = noAnswer ?? TimeSpan.FromSeconds(60), RequireRegisteredCaller = requireRegisteredCaller, MaxCalls = maxCalls ?? 10_000, QueueCapacity = queueCapacity ?? 256, MaxPendingWork = maxPendingWork ?? 10_000 }, null, Bus, NullSipLog.Instance, engineTime ?? TimeProvider.System)
        {
            Routing = routing is null ? null : RoutingTable.Create(routing(this)),
            Profile = routing is null ? null : Profile,
            Authentication = authenticateInvites ? new InviteAuthentication(_stack.Authenticator, Realm) : null,
            RecordsExtension = recordsExtension,
        };
        Events = Bus.Subscribe(EventFilter.All);
        Engine.CallEnded += call => Ended.Writer.TryWrite(call);
        _stack.Core.AttachSessions(Engine);
    }

    public const string Profile = "office";
    public const string TrunkName = "carrier";
    public const string ProviderUser = "acct-42";
    public const string ProviderPassword = "provider-secret";
    public const string ProviderRealm = "provider.test";

    /// <summary>The trunk provider's network: a second loopback address, so phones on 127.0.0.1 are not taken for the trunk.</summary>
    public static readonly IPAddress TrunkAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>
    /// Profile "office" (extensions 2001–2003, US numbering) with trunk "carrier": calls from 127.0.0.2 are its; it sends to
    /// <see cref="Provider"/> with <see cref="ProviderUser"/>/<see cref="ProviderPassword"/>. DID +12125550123 rings 2002,
    /// DID +12125550199 the service "support"; dialling 9 + ten digits goes out as +1 and the number.
    /// </summary>
    public static RoutingConfiguration OfficeRouting(CallEngineHarness h, ServiceConfig? support = null,
        CallerIdHeader callerIdHeader = CallerIdHeader.PAssertedIdentity) => new()
    {
        Profiles =
        [
            new RoutingProfileConfig
            {
                Name = Profile,
                Extensions = Extensions,
                Trunks =
                [
                    new TrunkConfig
                    {
                        Name = TrunkName,
                        DefaultCountry = "US",
                        InboundSources = [$"{TrunkAddress}/32"],
                        Outbound = new TrunkOutboundConfig
                        {
                            Host = "127.0.0.1",
                            Port = h.Provider.Port,
                            Username = ProviderUser,
                            Password = ProviderPassword,
                            FromDomain = "office.example",
                            CallerIdHeader = callerIdHeader,
                            CallerIdNumber = "+1 212 555 0100",
                        },
                    },
                ],
                Dids =
                [
                    new DidConfig { Number = "+12125550123", Extension = "2002" },
                    new DidConfig { Number = "+12125550199", Service = "support" },
                ],
                Services = [support ?? new ServiceConfig { Name = "support", Extensions = ["2002", "2003"] }],
                DialPlan = [new DialPlanRuleConfig { Match = "9[2-9][0-9]{9}", Strip = 1, Prepend = "+1", Trunk = TrunkName }],
            },
        ],
    };

    /// <summary>Where this harness's recordings go (a fresh temp directory, removed at dispose).</summary>
    public string RecordingDirectory { get; } = Path.Combine(Path.GetTempPath(), "cc-harness-" + Guid.NewGuid().ToString("N"));

    public CallEngine Engine { get; }
    public IPEndPoint Server { get; }
    public RawSipPeer Caller { get; }
    public RawSipPeer Callee { get; }

    /// <summary>Extension 2003: a transfer target or the far end of a consult call.</summary>
    public RawSipPeer Third { get; }

    public InProcessEventBus Bus { get; } = new(TimeProvider.System);

    /// <summary>Every event the engine published since the harness started.</summary>
    public IEventSubscription Events { get; }

    /// <summary>The next event of <paramref name="type"/> (earlier events of other types are skipped).</summary>
    public async Task<EventEnvelope> NextEventAsync(string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await foreach (var envelope in Events.ReadAllAsync(cts.Token))
            if (envelope.Type == type) return envelope;
        throw new InvalidOperationException("event stream ended");
    }

    /// <summary>A trunk provider's SIP server calling us from 127.0.0.2.</summary>
    public RawSipPeer TrunkPeer { get; }

    /// <summary>The trunk provider's SIP server we send outbound calls to.</summary>
    public RawSipPeer Provider { get; }

    /// <summary>Another phone (a second contact of an extension, or a third extension), disposed with the harness.</summary>
    public RawSipPeer Phone(string user)
    {
        var peer = new RawSipPeer(user, Server);
        _extraPeers.Add(peer);
        return peer;
    }
    public Channel<Call> Ended { get; } = Channel.CreateUnbounded<Call>();
    public int MediaLegs => _media.ActiveLegs;

    public async Task<Call> NextEndedAsync() => await Ended.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    /// <summary>An INVITE from the caller to <paramref name="number"/>; <paramref name="sdp"/> false sends no offer.</summary>
    public string Invite(string number, string callId, string branch, bool sdp = true, string method = "INVITE") =>
        InviteFrom(Caller, Caller.User, number, callId, branch, sdp: sdp, method: method);

    /// <summary>
    /// An INVITE (or its CANCEL with <paramref name="method"/>) from <paramref name="peer"/> claiming to be
    /// <paramref name="fromUser"/>; <paramref name="headers"/> are extra header lines ("Name: value\r\n" each).
    /// </summary>
    public string InviteFrom(RawSipPeer peer, string fromUser, string number, string callId, string branch, int cseq = 1,
        string headers = "", bool sdp = true, string method = "INVITE")
    {
        var body = sdp && method == "INVITE" ? peer.Sdp : "";
        return $"{method} sip:{number}@{Server} SIP/2.0\r\nVia: SIP/2.0/UDP {peer.Address}:{peer.Port};rport;branch={branch}\r\n" +
               $"Max-Forwards: 70\r\nFrom: <sip:{fromUser}@{Server}>;tag=caller1\r\nTo: <sip:{number}@{Server}>\r\nCall-ID: {callId}\r\n" +
               $"CSeq: {cseq} {method}\r\nContact: {peer.Contact}\r\n" + headers + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
               $"Content-Length: {body.Length}\r\n\r\n{body}";
    }

    /// <summary>A request inside the dialog a 2xx to <paramref name="peer"/>'s INVITE made (ACK, BYE), From tag "caller1".</summary>
    public string InDialog(RawSipPeer peer, string fromUser, string method, SipMessage ok, int cseq)
    {
        var requestUri = ok.GetHeaderString(HeaderId.Contact)!.Trim('<', '>');
        return $"{method} {requestUri} SIP/2.0\r\nVia: SIP/2.0/UDP {peer.Address}:{peer.Port};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
               $"Max-Forwards: 70\r\nFrom: <sip:{fromUser}@{Server}>;tag=caller1\r\nTo: {ok.GetHeaderString(HeaderId.To)}\r\n" +
               $"Call-ID: {ok.CallIdString}\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        Caller.Dispose();
        Callee.Dispose();
        TrunkPeer.Dispose();
        Provider.Dispose();
        Third.Dispose();
        await Events.DisposeAsync();
        foreach (var peer in _extraPeers) peer.Dispose();
        await _stack.DisposeAsync();
        _media.Dispose();
        try
        {
            if (Directory.Exists(RecordingDirectory)) Directory.Delete(RecordingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A recording still closing: the temp directory is left behind.
        }
        _location.Dispose();
    }
}
