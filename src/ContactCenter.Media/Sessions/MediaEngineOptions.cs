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

    /// <summary>The codec implementations (default <see cref="CodecCatalog.Default"/>).</summary>
    public CodecCatalog? Codecs { get; init; }
}
