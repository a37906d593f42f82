using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Receives what an endpoint notices. Called on the endpoint's receive loop or on the media clock's thread, never under
/// the call's lock: an implementation must only hand the event to the call's queue and return at once.
/// </summary>
public interface IRtpEndpointListener
{
    /// <summary>A DTMF digit started or ended (RFC 4733 telephone-event, or in-band detection on G.711).</summary>
    void OnDtmf(RtpEndpoint endpoint, DtmfEvent dtmf);

    /// <summary>No RTP arrived for <paramref name="silence"/> while the stream was expected to flow (reported once per silence).</summary>
    void OnMediaTimeout(RtpEndpoint endpoint, TimeSpan silence);
}
