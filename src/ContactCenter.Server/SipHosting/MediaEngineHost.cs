using System.Net;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sessions;
using ContactCenter.Server.SipDirectory;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// The host's one media engine, ticked by its own media clock (RTCP, DTMF, players, mixers, recordings), recording
/// under the recordings directory (files a crash left half-written are repaired when the engine starts).
/// Settings: <c>ContactCenter:Media:RtpPortMin</c>/<c>RtpPortMax</c> (default 20000–29999),
/// <c>ContactCenter:Media:AdvertisedAddress</c> (the address put in SDP; default: the first profile's listen address,
/// or 127.0.0.1 when that is a wildcard — set it on any real deployment) and <c>ContactCenter:Media:BindAddress</c>
/// (default: the advertised address).
/// </summary>
public sealed class MediaEngineHost : IDisposable
{
    public MediaEngineHost(IConfiguration configuration, SipProfileCatalog catalog, ContactCenter.Server.Configuration.ContactCenterPaths paths,
        TimeProvider time, ILogger<MediaEngineHost> logger)
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
            RecordingDirectory = paths.RecordingsDirectory,
            RecordOnArrival = section.GetValue("RecordOnArrival", true),
        }, time);
        Engine.Start();
        if (Engine.StartupRepair is { } repair && repair.Repaired + repair.Skipped + repair.Failed > 0)
            logger.LogWarning("Recordings left by an earlier run: {Repaired} repaired, {Skipped} skipped, {Failed} failed",
                repair.Repaired, repair.Skipped, repair.Failed);
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

    public void Dispose() => Engine.Dispose();
}
