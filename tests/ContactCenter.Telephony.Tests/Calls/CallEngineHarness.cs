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

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>
/// A SIP stack on loopback with the call engine attached and a media engine on loopback; extensions 2001–2003
/// (password "pw-&lt;n&gt;"); 2001, 2002 and 2003 as hand-driven phones. No CDR store: ended calls are collected; call
/// events go to an in-process bus (<see cref="Events"/> reads them).
/// </summary>
internal sealed class CallEngineHarness : IAsyncDisposable
{
    public const string Realm = "calls.test";
    private static readonly string[] Extensions = ["2001", "2002", "2003"];

    private readonly LocationService _location = new(TimeProvider.System, TimeSpan.FromSeconds(1));
    private readonly MediaEngine _media;
    private readonly SipStack _stack;

    public CallEngineHarness(TimeSpan? noAnswer = null, TimeSpan? mediaInactivity = null, bool requireRegisteredCaller = false)
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
            Ports = new RtpPortAllocatorOptions { BindAddress = IPAddress.Loopback, MinPort = 42000, MaxPort = 42999 },
            Endpoint = new RtpEndpointOptions { InactivityTimeout = mediaInactivity ?? TimeSpan.FromSeconds(30) },
        });
        _media.Start(); // the engine ticks on its own media clock
        Engine = new CallEngine(_stack.Transactions, _stack.Transport, _location, _media, Extensions.Contains,
            new CallEngineOptions { NoAnswerTimeout = noAnswer ?? TimeSpan.FromSeconds(60), RequireRegisteredCaller = requireRegisteredCaller }, null, Bus, NullSipLog.Instance, TimeProvider.System);
        Events = Bus.Subscribe(EventFilter.All);
        Engine.CallEnded += call => Ended.Writer.TryWrite(call);
        _stack.Core.AttachSessions(Engine);
        _stack.Start();
        Server = _stack.LocalEndPoints[0].EndPoint;
        Caller = new RawSipPeer("2001", Server);
        Callee = new RawSipPeer("2002", Server);
        Third = new RawSipPeer("2003", Server);
    }

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
    public Channel<Call> Ended { get; } = Channel.CreateUnbounded<Call>();
    public int MediaLegs => _media.ActiveLegs;

    public async Task<Call> NextEndedAsync() => await Ended.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    /// <summary>An INVITE from the caller to <paramref name="number"/>; <paramref name="sdp"/> false sends no offer.</summary>
    public string Invite(string number, string callId, string branch, bool sdp = true, string method = "INVITE")
    {
        var body = sdp && method == "INVITE" ? Caller.Sdp : "";
        return $"{method} sip:{number}@{Server} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{Caller.Port};rport;branch={branch}\r\n" +
               $"Max-Forwards: 70\r\nFrom: <sip:{Caller.User}@{Server}>;tag=caller1\r\nTo: <sip:{number}@{Server}>\r\nCall-ID: {callId}\r\n" +
               $"CSeq: 1 {method}\r\nContact: {Caller.Contact}\r\n" + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
               $"Content-Length: {body.Length}\r\n\r\n{body}";
    }

    public async ValueTask DisposeAsync()
    {
        Engine.Dispose();
        Caller.Dispose();
        Callee.Dispose();
        Third.Dispose();
        await Events.DisposeAsync();
        await _stack.DisposeAsync();
        _media.Dispose();
        _location.Dispose();
    }
}
