using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Sessions;

/// <summary>A DTMF digit started or ended on <paramref name="Leg"/> (RFC 4733, or in-band on G.711 without telephone-event).</summary>
/// <param name="Leg">The leg the digit came from.</param>
/// <param name="Dtmf">Digit, start/end, duration and why it ended.</param>
public sealed record DtmfReceivedEvent(MediaLeg Leg, DtmfEvent Dtmf) : MediaEvent(Leg);
