using System.Net;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Bridging;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Quality;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// One call leg's media, as the call engine sees it: its local address for SDP, offer/answer, bridge, play, record,
/// mix, DTMF in and out, hold, quality, and disposal that returns its ports. Never references SIP. The engine's media
/// clock runs its work in phases (see <see cref="MediaEngine"/>): capture inbound audio, then mixers, then recordings,
/// then sending.
/// </summary>
/// <remarks>
/// Not thread-safe: call every method from the call's own queue (one at a time). The media hot path (receive loops,
/// the media clock) never waits for that queue nor takes its lock; it reads state this class publishes.
/// Events (<see cref="DtmfReceivedEvent"/>, <see cref="MediaTimeoutEvent"/>) arrive on media threads through the
/// callback given to <see cref="MediaEngine.CreateLeg"/>, which must post them to the call's queue and return.
/// </remarks>
public sealed partial class MediaLeg : IDisposable, IRtpEndpointListener
{
    private static long s_nextId;

    private readonly MediaEngine _engine;

    /// <summary>The leg's slot in the engine's tick list (set when the engine adds it).</summary>
    internal int EngineSlot { get; set; } = -1;
    private readonly SdpNegotiator _negotiator;
    private readonly Action<MediaEvent>? _events;
    private CapturedFrames? _frames; // made on the first capture (recording, mixing): a relayed leg never needs it
    private long _capturedThrough = -1;
    private long _readPhase; // when a leg only recordings listen to reads (see Capture): spread by id, or its recorded leg's
    private readonly Lock _inboundGate = new();
    private volatile AudioTap? _recording;
    private volatile AudioTap? _mixerInput;
    private volatile InboundAudio? _inbound;
    private volatile LegRecording? _fileRecording;
    private int _inboundUsers;
    private RtpBridge? _bridge;
    private volatile MediaLeg? _peer;
    private int _disposed;

    internal MediaLeg(MediaEngine engine, Func<IRtpEndpointListener, RtpEndpoint> createEndpoint, SdpCapabilities capabilities, IPAddress address, Action<MediaEvent>? events)
    {
        _engine = engine;
        _events = events;
        Id = Interlocked.Increment(ref s_nextId);
        _readPhase = Id;
        Endpoint = createEndpoint(this);
        Address = address;
        _negotiator = new SdpNegotiator(capabilities, address, Endpoint.LocalRtpEndPoint.Port, Endpoint.LocalRtcpEndPoint.Port);
    }

    /// <summary>A process-unique number for logs.</summary>
    public long Id { get; }

    /// <summary>The RTP endpoint underneath (counters, latch state, SSRC).</summary>
    public RtpEndpoint Endpoint { get; }

    /// <summary>The address our SDP advertises.</summary>
    public IPAddress Address { get; }

    /// <summary>Our RTP port (for SDP).</summary>
    public int RtpPort => Endpoint.LocalRtpEndPoint.Port;

    /// <summary>Our RTCP port (RTP + 1).</summary>
    public int RtcpPort => Endpoint.LocalRtcpEndPoint.Port;

    /// <summary>The stream as last agreed, or null.</summary>
    public NegotiatedMedia? Media => _negotiator.Current;

    /// <summary>The last description we sent.</summary>
    public SessionDescription? LocalDescription => _negotiator.LocalDescription;

    /// <summary>The bridge this leg is in, or null.</summary>
    public RtpBridge? Bridge => _bridge is { IsActive: true } bridge ? bridge : null;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The leg this one is bridged with, or null.</summary>
    public MediaLeg? BridgedPeer => Bridge is null ? null : _peer;

    /// <summary>The recording file this leg owns now, or null.</summary>
    public LegRecording? Recording => _fileRecording;

    /// <summary>The state of this leg's recording file, or of its tap when there is no file.</summary>
    public RecordingState RecordingState => (_fileRecording, _recording) switch
    {
        ({ IsPaused: true }, _) => RecordingState.Paused,
        ({ }, _) => RecordingState.Recording,
        (null, { IsPaused: true }) => RecordingState.Paused,
        (null, { }) => RecordingState.Recording,
        _ => RecordingState.Stopped,
    };

    /// <summary>Our offer (an outgoing call, or a re-offer): SDP to send. Apply the reply with <see cref="AcceptAnswer"/>.</summary>
    public SessionDescription CreateOffer(SdpDirection direction = SdpDirection.SendRecv)
    {
        ThrowIfDisposed();
        return _negotiator.CreateOffer(direction);
    }

    /// <summary>
    /// Answers the remote's offer (initial INVITE or re-INVITE) and applies the agreed stream. On error nothing
    /// changes; the call engine replies 488.
    /// </summary>
    public MediaNegotiation AcceptOffer(ReadOnlySpan<byte> offer, SdpDirection localDirection = SdpDirection.SendRecv)
    {
        ThrowIfDisposed();
        return Applied(_negotiator.AnswerOffer(offer, localDirection));
    }

    /// <summary>Checks the remote's answer to our pending offer and applies the agreed stream.</summary>
    public MediaNegotiation AcceptAnswer(ReadOnlySpan<byte> answer)
    {
        ThrowIfDisposed();
        return Applied(_negotiator.ProcessAnswer(answer));
    }

    /// <summary>Forgets our pending offer (refused, timed out, glare).</summary>
    public void CancelOffer() => _negotiator.CancelOffer();

    /// <summary>
    /// Puts the peer on hold: inactivity detection stops at once, and the returned re-offer says <c>sendonly</c> (we may
    /// keep sending, e.g. music on hold). Send it and apply the answer with <see cref="AcceptAnswer"/>.
    /// </summary>
    public SessionDescription Hold()
    {
        ThrowIfDisposed();
        Endpoint.SetLocalHold(true);
        return _negotiator.CreateOffer(SdpDirection.SendOnly);
    }

    /// <summary>Takes the peer off hold: a <c>sendrecv</c> re-offer; inactivity detection resumes.</summary>
    public SessionDescription Resume()
    {
        ThrowIfDisposed();
        Endpoint.SetLocalHold(false);
        return _negotiator.CreateOffer(SdpDirection.SendRecv);
    }

    /// <summary>The quality of this leg now (both directions, RTT, MOS).</summary>
    public LegQualityReport GetQualityReport() => Endpoint.GetQualityReport();

    /// <summary>Bridges this leg with <paramref name="other"/>; throws when either is bridged already.</summary>
    public RtpBridge BridgeWith(MediaLeg other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowIfDisposed();
        if (_mixerInput is not null || other._mixerInput is not null)
        {
            throw new InvalidOperationException("A leg in a conference cannot be bridged; remove it from the conference first.");
        }

        CatchUpRecordings(other);
        var bridge = RtpBridge.Connect(Endpoint, other.Endpoint);
        _bridge = bridge;
        other._bridge = bridge;
        _peer = other;
        other._peer = this;
        FollowRecordedPeer();
        other.FollowRecordedPeer();
        return bridge;
    }

    /// <summary>Leaves the bridge this leg is in, if any (both legs stay up).</summary>
    public void Unbridge()
    {
        var bridge = _bridge;
        if (bridge is null)
        {
            return;
        }

        CatchUpRecordings(_peer);
        bridge.Dispose();
        _bridge = null;
        if (_peer is { } peer && ReferenceEquals(peer._bridge, bridge))
        {
            peer._bridge = null;
            peer._peer = null;
            peer.FollowRecordedPeer();
        }

        _peer = null;
        FollowRecordedPeer();
    }

    /// <summary>Ends the leg: unbridges, stops taps, sends RTCP BYE, closes the sockets and returns the ports. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Unbridge();
        _conference?.Remove(this);
        _ = _fileRecording?.StopAsync();
        _recording = null;
        _mixerInput = null;
        Endpoint.Dispose();
        _engine.Remove(this);
    }

    void IRtpEndpointListener.OnDtmf(RtpEndpoint endpoint, DtmfEvent dtmf) => _events?.Invoke(new DtmfReceivedEvent(this, dtmf));

    void IRtpEndpointListener.OnMediaTimeout(RtpEndpoint endpoint, TimeSpan silence) => _events?.Invoke(new MediaTimeoutEvent(this, silence));

    private MediaNegotiation Applied(SdpNegotiationResult result)
    {
        if (result.IsSuccess)
        {
            Endpoint.Apply(result.Media!);
        }

        return MediaNegotiation.From(result);
    }

    // Before the other party of a recording changes, what it has pending is written with the party it came from.
    private void CatchUpRecordings(MediaLeg? other)
    {
        if (_fileRecording is { } mine)
        {
            _engine.CatchUpRecording(mine);
        }

        if (other?._fileRecording is { } theirs)
        {
            _engine.CatchUpRecording(theirs);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
