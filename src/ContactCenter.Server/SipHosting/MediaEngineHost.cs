using System.Net;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Timing;
using ContactCenter.Server.SipDirectory;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// The host's one media engine and the clock that ticks it (RTCP, DTMF, players, transcoding bridges).
/// Settings: <c>ContactCenter:Media:RtpPortMin</c>/<c>RtpPortMax</c> (default 20000–29999),
/// <c>ContactCenter:Media:AdvertisedAddress</c> (the address put in SDP; default: the first profile's listen address,
/// or 127.0.0.1 when that is a wildcard — set it on any real deployment) and <c>ContactCenter:Media:BindAddress</c>
/// (default: the advertised address).
/// </summary>
/// <remarks>
/// INTEGRATION NOTE: the clock is driven here, kept apart so that the media clock integration in MediaEngine can
/// replace this class without touching the call engine.
/// </remarks>
public sealed class MediaEngineHost : IDisposable
{
    private readonly MediaClock _clock;

    public MediaEngineHost(IConfiguration configuration, SipProfileCatalog catalog, TimeProvider time, ILogger<MediaEngineHost> logger)
    {
        var section = configuration.GetSection("ContactCenter:Media");
        int min = section.GetValue("RtpPortMin", 20000);
        int max = section.GetValue("RtpPortMax", 29999);
        var advertised = ParseAddress(section["AdvertisedAddress"], "AdvertisedAddress") ?? DefaultAdvertised(catalog, logger);
        var bind = ParseAddress(section["BindAddress"], "BindAddress") ?? advertised;
        Engine = new MediaEngine(new MediaEngineOptions
        {
            Ports = new RtpPortAllocatorOptions { BindAddress = bind, MinPort = min, MaxPort = max },
            AdvertisedAddress = advertised,
        }, time);
        _clock = new MediaClock(null, time);
        _clock.Register(Engine);
        _clock.Start();
        logger.LogInformation("Media engine: RTP ports {Min}-{Max} on {Bind}, advertised as {Advertised}", min, max, bind, advertised);
    }

    public MediaEngine Engine { get; }

    private static IPAddress? ParseAddress(string? text, string key) =>
        string.IsNullOrWhiteSpace(text) ? null
            : IPAddress.TryParse(text, out var address) ? address
            : throw new InvalidOperationException($"ContactCenter:Media:{key} '{text}' is not an IP address.");

    private static IPAddress DefaultAdvertised(SipProfileCatalog catalog, ILogger logger)
    {
        var listen = catalog.Profiles.SelectMany(p => p.Listen).Select(l => IPAddress.Parse(l.Address)).FirstOrDefault();
        if (listen is not null && !listen.Equals(IPAddress.Any) && !listen.Equals(IPAddress.IPv6Any)) return listen;
        logger.LogWarning("ContactCenter:Media:AdvertisedAddress is not set and SIP listens on a wildcard: advertising 127.0.0.1 in SDP");
        return IPAddress.Loopback;
    }

    public void Dispose()
    {
        _clock.Dispose();
        Engine.Dispose();
    }
}
