using System.Net;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Bridging;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Quality;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// One call leg's media, as the call engine sees it: its local address for SDP, offer/answer, bridge, play, record,
/// mix, DTMF in and out, hold, quality, and disposal that returns its ports. Never references SIP.
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
    private readonly SdpNegotiator _negotiator;
    private readonly Action<MediaEvent>? _events;
    private readonly short[] _inboundFrame = new short[AudioFormat.Wideband.SamplesPerFrame];
    private volatile AudioTap? _recording;
    private volatile AudioTap? _mixerInput;
    private InboundFrameQueue? _inbound;
    private RtpBridge? _bridge;
    private int _disposed;

    internal MediaLeg(MediaEngine engine, Func<IRtpEndpointListener, RtpEndpoint> createEndpoint, SdpCapabilities capabilities, IPAddress address, Action<MediaEvent>? events)
    {
        _engine = engine;
        _events = events;
        Id = Interlocked.Increment(ref s_nextId);
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

    /// <summary>The state of the recorder tap.</summary>
    public RecordingState RecordingState => _recording switch
    {
        null => RecordingState.Stopped,
        { IsPaused: true } => RecordingState.Paused,
        _ => RecordingState.Recording,
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

    /// <summary>
    /// Plays <paramref name="source"/> to the peer (music on hold, a prompt, ringback) until <see cref="StopPlaying"/>;
    /// while it plays, bridged audio into this leg is not sent. Looping is the source's own setting (a WAV player
    /// created looping); a source that returns no frame simply sends nothing that tick.
    /// </summary>
    public void Play(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfDisposed();
        Endpoint.Play(source);
    }

    /// <summary>Stops playing; a bridge, if any, is heard again.</summary>
    public void StopPlaying() => Endpoint.Play(null);

    /// <summary>Sends a digit as RFC 4733 telephone-events (default 100 ms).</summary>
    public DtmfSendResult SendDtmf(char digit, TimeSpan? duration = null)
    {
        ThrowIfDisposed();
        return Endpoint.SendDtmf(digit, duration);
    }

    /// <summary>The quality of this leg now (both directions, RTT, MOS).</summary>
    public LegQualityReport GetQualityReport() => Endpoint.GetQualityReport();

    /// <summary>Bridges this leg with <paramref name="other"/>; throws when either is bridged already.</summary>
    public RtpBridge BridgeWith(MediaLeg other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ThrowIfDisposed();
        var bridge = RtpBridge.Connect(Endpoint, other.Endpoint);
        _bridge = bridge;
        other._bridge = bridge;
        return bridge;
    }

    /// <summary>Leaves the bridge this leg is in, if any (both legs stay up).</summary>
    public void Unbridge()
    {
        _bridge?.Dispose();
        _bridge = null;
    }

    /// <summary>Ends the leg: unbridges, stops taps, sends RTCP BYE, closes the sockets and returns the ports. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Unbridge();
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

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
