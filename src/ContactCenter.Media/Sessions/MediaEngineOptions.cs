using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Sessions;

/// <summary>Configuration of the <see cref="MediaEngine"/>.</summary>
public sealed record MediaEngineOptions
{
    /// <summary>The RTP port range and the address sockets bind to.</summary>
    public RtpPortAllocatorOptions Ports { get; init; } = new();

    /// <summary>
    /// The address written in our SDP (<c>c=</c>, <c>o=</c>). Null means the bind address, which then must not be a
    /// wildcard (a peer cannot send to 0.0.0.0).
    /// </summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>Codecs, telephone-event and packet times we negotiate.</summary>
    public SdpCapabilities Capabilities { get; init; } = new();

    /// <summary>Per-endpoint timeouts, latching and DTMF behaviour.</summary>
    public RtpEndpointOptions Endpoint { get; init; } = new();

    /// <summary>The media clock the engine creates when none is given (tick interval, lateness threshold, thread name).</summary>
    public MediaClockOptions? Clock { get; init; }

    /// <summary>
    /// Where recordings go: relative recording paths resolve under it and may not leave it, and crash repair runs over it
    /// when the engine is created. Null: paths are used as given and nothing is repaired.
    /// </summary>
    public string? RecordingDirectory { get; init; }

    /// <summary>
    /// How often (in 20 ms ticks, 1 to 6) a leg that only recordings listen to reads its jitter buffer: every read then
    /// takes the frames of all the ticks since the last one, each as of its own tick. Default 5 (100 ms): with hundreds
    /// of calls recorded, visiting a leg's objects once per five frames instead of once per frame is most of what a
    /// recording costs the media clock. A stop, pause, resume or change of party first reads what is pending, so files
    /// end where the call did. 1 reads every tick.
    /// </summary>
    public int RecordingReadTicks { get; init; } = 5;

    /// <summary>
    /// Fill a two-party G.711 recording (both parties sending the file's law, bridged, nothing else writing into it) as
    /// packets arrive, on the receive loops, instead of reading both parties' jitter buffers on the media clock
    /// (default true). Such a recording leaves this mode for the clock's at the first pause, change of party,
    /// conference, player writing a channel or packet in another codec. Lost packets are silence in this mode (the
    /// clock's path conceals them).
    /// </summary>
    public bool RecordOnArrival { get; init; } = true;

    /// <summary>The codec implementations (default <see cref="CodecCatalog.Default"/>).</summary>
    public CodecCatalog? Codecs { get; init; }
}
