using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Playback;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Quality;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// One call leg's RTP/RTCP termination on a leased port pair: a receive loop per socket (async
/// <c>ReceiveFromAsync</c> with a reused <see cref="SocketAddress"/> into a pinned buffer, nothing allocated per
/// packet), symmetric latching, receive statistics, RFC 4733 and in-band DTMF, RTCP SR/RR, inactivity detection and a
/// quality report; and the sending side, whose <see cref="RtpStreamRewriter"/> keeps our SSRC, sequence and timestamp
/// continuous whatever feeds it (a bridge, a player, a mixer, DTMF).
/// </summary>
/// <remarks>
/// Threads: control methods (<see cref="Apply"/>, <see cref="Play"/>, <see cref="SendDtmf"/>, ...) run on the call's
/// queue; packets arrive on the receive loops; <see cref="OnTick"/> runs on the media clock. Control publishes immutable
/// state through volatile fields, so the hot path takes no call lock. Two small endpoint-private locks remain: one
/// around the inbound statistics and DTMF receiver (receive loop vs. RTCP on the tick and the quality report), one
/// around the outgoing rewriter and counters (a bridge on another endpoint's loop vs. this endpoint's tick). Both are
/// uncontended in steady state and never held across anything that blocks.
/// </remarks>
public sealed partial class RtpEndpoint : IMediaTickable, IRtpDatagramHandler, IDisposable
{
    private const int DefaultRtpClockRate = 8000;
    private const int DefaultTicksPerFrame = 160;

    private readonly RtpPortLease _lease;
    private readonly RtpEndpointOptions _options;
    private readonly TimeProvider _time;
    private readonly CodecCatalog _catalog;
    private readonly IRtpEndpointListener? _listener;
    private readonly byte[] _canonicalName;

    private readonly Lock _receiveGate = new();
    private readonly Lock _sendGate = new();
    private readonly RtpReceiveStatistics _inbound;
    private readonly RtpSenderStatistics _outbound;
    private readonly LegQualityMonitor _quality;
    private readonly TelephoneEventReceiver _dtmfIn;
    private readonly TelephoneEventSender _dtmfOut;
    private GoertzelDtmfDetector? _inBandDtmf; // made by the first G.711 packet that needs in-band detection
    private readonly RtpInactivityMonitor _inactivity;
    private readonly RtcpReportScheduler _rtcpScheduler;
    private RtpStreamRewriter _rewriter;

    private volatile EndpointMedia? _media;
    private volatile IRtpPacketSink? _sink;
    private volatile InboundAudio? _inboundTap;
    private ArrivalFeed? _recordingFeed;
    private volatile IAudioSource? _outgoingAudio;
    private volatile IAudioSource? _bridgeAudio;
    private volatile ToneGenerator? _inBandDigit;
    private volatile bool _localHold;
    private int _started;
    private int _disposed;

    /// <summary>Creates an endpoint on <paramref name="lease"/>, which it owns from now on and disposes with itself.</summary>
    public RtpEndpoint(
        RtpPortLease lease,
        RtpEndpointOptions? options = null,
        IRtpEndpointListener? listener = null,
        TimeProvider? timeProvider = null,
        CodecCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _lease = lease;
        _options = options ?? new RtpEndpointOptions();
        _listener = listener;
        _time = timeProvider ?? TimeProvider.System;
        _catalog = catalog ?? CodecCatalog.Default;
        _canonicalName = Encoding.ASCII.GetBytes(_options.CanonicalName);
        _inbound = new RtpReceiveStatistics(DefaultRtpClockRate, _time);
        _outbound = new RtpSenderStatistics(DefaultRtpClockRate, _time);
        _rewriter = NewRewriter(DefaultRtpClockRate);
        _quality = new LegQualityMonitor(_rewriter.Ssrc, EModelCodec.G711WithoutConcealment, DefaultRtpClockRate);
        _dtmfIn = new TelephoneEventReceiver(_time, DefaultRtpClockRate, _options.DtmfEndTimeout);
        _dtmfOut = new TelephoneEventSender(_time);
        _inactivity = new RtpInactivityMonitor(_time, _options.InactivityTimeout);
        _rtcpScheduler = new RtcpReportScheduler(_time, _options.RtcpInterval);
        _localSsrc = RandomUInt32();
        _localSequence = (ushort)RandomUInt32();
        _localClock = RandomUInt32();
    }

    /// <summary>Where the peer must send RTP (for our SDP).</summary>
    public IPEndPoint LocalRtpEndPoint => _lease.RtpEndPoint;

    /// <summary>Where the peer must send RTCP.</summary>
    public IPEndPoint LocalRtcpEndPoint => _lease.RtcpEndPoint;

    /// <summary>Our outgoing SSRC (constant for the endpoint's life, whatever feeds it).</summary>
    public uint Ssrc => _rewriter.Ssrc;

    /// <summary>The stream last applied, or null before the first offer/answer completed.</summary>
    public NegotiatedMedia? Media => _media?.Negotiated;

    /// <summary>Where RTP is sent now: the latched source, else the signaled address, else null.</summary>
    public IPEndPoint? RemoteEndPoint => _media?.Latch.RemoteEndPoint;

    /// <summary>True once a packet latched the remote address.</summary>
    public bool IsLatched => _media?.Latch.IsLatched ?? false;

    /// <summary>True while either side holds the stream (inactivity is not watched then).</summary>
    public bool IsHeld => _localHold || (_media?.Held ?? false);

    /// <summary>True once disposed; the ports are back in the allocator.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Starts the RTP and RTCP receive loops (once).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return;
        }

        _lease.Attach(this, _options.DedicatedReceiveThreads);
    }

    /// <summary>
    /// Applies the outcome of an offer/answer: destination, payload types, packet time and direction. The latch keeps
    /// what it learned when the remote address and payload types did not change (a hold re-INVITE).
    /// </summary>
    public void Apply(NegotiatedMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var previous = _media;
        var next = new EndpointMedia(media, _catalog, _options, previous);
        var clockRate = next.SendCodec?.RtpClockRate ?? media.Codec.ClockRate;
        lock (_sendGate)
        {
            if (clockRate != _rewriterClockRate)
            {
                // Our SSRC stays; only its timestamp units change, so the stream restarts its timing with a marker.
                _rewriter = new RtpStreamRewriter(_rewriter.Ssrc, clockRate, (ushort)(_rewriter.HighestSequence + 1), _rewriter.HighestTimestamp, _time);
                _rewriterClockRate = clockRate;
            }
        }

        lock (_receiveGate)
        {
            _quality.Codec = next.SendCodec == G722Codec.Instance ? EModelCodec.G722 : EModelCodec.G711WithoutConcealment;
        }

        _media = next;
        UpdateInactivityWatch(previous?.Held ?? true);
    }

    /// <summary>
    /// Marks the stream held by us (we sent or are about to send a hold offer), which stops inactivity detection at
    /// once instead of after the answer; false resumes it, counting the silence from now.
    /// </summary>
    public void SetLocalHold(bool held)
    {
        var wasHeld = IsHeld;
        _localHold = held;
        UpdateInactivityWatch(wasHeld);
    }

    /// <summary>Sends <paramref name="source"/>'s frames to the peer on every tick (music on hold, a prompt, a mixer's output); null stops.</summary>
    /// <remarks>While a source plays, packets relayed by a bridge into this endpoint are not sent.</remarks>
    public void Play(IAudioSource? source) => _outgoingAudio = source;

    /// <summary>The source playing now, or null.</summary>
    public IAudioSource? Playing => _outgoingAudio;

    /// <summary>Queues an RFC 4733 digit to send (default 100 ms); audio from any feeder pauses while it goes out.</summary>
    public DtmfSendResult SendDtmf(char digit, TimeSpan? duration = null)
    {
        if (_media is not { SendTelephoneEvent: >= 0 })
        {
            return DtmfSendResult.NotNegotiated;
        }

        lock (_sendGate)
        {
            return _dtmfOut.TryEnqueue(digit, duration ?? TimeSpan.FromMilliseconds(100)) ? DtmfSendResult.Queued : DtmfSendResult.Rejected;
        }
    }

    /// <summary>
    /// Sends <paramref name="digit"/> as a dual tone (-8 dBm0 per tone) in the audio for <paramref name="duration"/>, ahead
    /// of any player or bridge, for a peer without telephone-event. Rejected while another in-band digit plays.
    /// </summary>
    public DtmfSendResult SendInBandDtmf(char digit, TimeSpan duration)
    {
        var codec = _media?.SendCodec;
        var (low, high) = DtmfFrequencies(char.ToUpperInvariant(digit));
        if (codec is null || low == 0 || duration < TimeSpan.FromMilliseconds(40) || duration > TimeSpan.FromSeconds(8)
            || _inBandDigit is { IsFinished: false })
        {
            return codec is null ? DtmfSendResult.NotNegotiated : DtmfSendResult.Rejected;
        }

        var tone = new ToneDefinition("dtmf-" + digit, [low, high], -8, [duration], repeat: false);
        _inBandDigit = new ToneGenerator(tone, new AudioFormat(codec.SampleRate));
        return DtmfSendResult.QueuedInBand;
    }

    /// <summary>
    /// Starts decoding inbound audio (in <paramref name="format"/>) through a jitter buffer the media clock reads once
    /// per tick, for recording or mixing; returns the existing one when attached (its format wins).
    /// </summary>
    public InboundAudio AttachInboundAudio(AudioFormat format)
    {
        var tap = _inboundTap;
        if (tap is not null)
        {
            return tap;
        }

        tap = new InboundAudio(format, _options.JitterBuffer, _time);
        _inboundTap = tap;
        return tap;
    }

    /// <summary>The attached decode path, or null.</summary>
    public InboundAudio? InboundAudio => _inboundTap;

    /// <summary>Stops decoding inbound audio for taps.</summary>
    public void DetachInboundAudio() => _inboundTap = null;

    /// <summary>The recording filled on arrival that this endpoint's inbound audio feeds, or null.</summary>
    internal ArrivalFeed? RecordingFeed => Volatile.Read(ref _recordingFeed);

    /// <summary>Feeds <paramref name="feed"/> every inbound packet from now on; false when another recording's feed is attached.</summary>
    internal bool TryAttachRecordingFeed(ArrivalFeed feed) => Interlocked.CompareExchange(ref _recordingFeed, feed, null) is null;

    /// <summary>Stops feeding <paramref name="feed"/> (no-op when another is attached).</summary>
    internal void DetachRecordingFeed(ArrivalFeed feed) => Interlocked.CompareExchange(ref _recordingFeed, null, feed);

    /// <summary>The quality of this leg now: both directions, RTT and an E-model MOS.</summary>
    public LegQualityReport GetQualityReport()
    {
        lock (_receiveGate)
        {
            lock (_sendGate)
            {
                return _quality.CreateReport(_inbound, _outbound);
            }
        }
    }

    /// <summary>Counters of everything received, dropped and sent.</summary>
    public RtpEndpointCounters Counters
    {
        get
        {
            var media = _media;
            return new RtpEndpointCounters(
                Volatile.Read(ref _rtpReceived),
                Volatile.Read(ref _rtpMalformed),
                Volatile.Read(ref _ignoredBeforeNegotiation),
                Volatile.Read(ref _ignoredUnexpectedSource),
                media?.Latch.IgnoredForeignPackets ?? 0,
                media?.Latch.IgnoredPayloadTypePackets ?? 0,
                Volatile.Read(ref _ignoredNotReceiving),
                Volatile.Read(ref _rtcpReceived),
                Volatile.Read(ref _rtcpMalformed),
                Volatile.Read(ref _rtpSent),
                Volatile.Read(ref _rtcpSent),
                Volatile.Read(ref _sendDropped),
                Volatile.Read(ref _processingFaults));
        }
    }

    /// <summary>Sends an RTCP BYE when a remote is known, then closes both sockets and returns the ports (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _sink = null;
        _outgoingAudio = null;
        _bridgeAudio = null;
        _inboundTap = null;
        Volatile.Write(ref _recordingFeed, null);
        // RFC 3550 §6.3.7: a participant that never sent an RTP or RTCP packet must not send a BYE.
        if (_media is { } media && (Volatile.Read(ref _rtpSent) > 0 || Volatile.Read(ref _rtcpSent) > 0))
        {
            SendGoodbye(media);
        }

        _lease.Dispose();
    }

    internal void SetPacketSink(IRtpPacketSink? sink) => _sink = sink;

    /// <summary>Decoded audio a transcoding bridge delivers; sent on the tick when no player has the stream.</summary>
    internal void SetBridgeAudio(IAudioSource? source) => _bridgeAudio = source;

    internal IRtpPacketSink? PacketSink => _sink;

    internal JitterBufferOptions JitterOptions => _options.JitterBuffer;

    internal TimeProvider Time => _time;

    internal EndpointMedia? CurrentMedia => _media;

    private static (double Low, double High) DtmfFrequencies(char digit) => digit switch
    {
        '1' => (697, 1209), '2' => (697, 1336), '3' => (697, 1477), 'A' => (697, 1633),
        '4' => (770, 1209), '5' => (770, 1336), '6' => (770, 1477), 'B' => (770, 1633),
        '7' => (852, 1209), '8' => (852, 1336), '9' => (852, 1477), 'C' => (852, 1633),
        '*' => (941, 1209), '0' => (941, 1336), '#' => (941, 1477), 'D' => (941, 1633),
        _ => (0, 0),
    };

    private void UpdateInactivityWatch(bool wasHeld)
    {
        var held = IsHeld;
        if (held)
        {
            _inactivity.Pause();
        }
        else if (wasHeld || _inactivity.IsPaused)
        {
            _inactivity.Resume();
        }
    }

    private RtpStreamRewriter NewRewriter(int clockRate)
    {
        _rewriterClockRate = clockRate;
        return new RtpStreamRewriter(RandomUInt32(), clockRate, (ushort)RandomUInt32(), RandomUInt32(), _time);
    }

    // RFC 3550 wants random SSRCs (to avoid collisions) and random initial sequence numbers and timestamps (against
    // known-plaintext attacks on encryption, which plain RTP does not have): the per-thread generator, seeded from the OS,
    // gives both without a call into OpenSSL for each (three per leg showed in call-rate profiles).
    private static uint RandomUInt32() => (uint)Random.Shared.NextInt64(0x1_0000_0000);
}
