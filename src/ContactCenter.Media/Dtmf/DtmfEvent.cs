namespace ContactCenter.Media.Dtmf;

/// <summary>A DTMF digit starting or ending, from the RFC 4733 receiver or the in-band detector.</summary>
/// <param name="Kind">Start or end.</param>
/// <param name="Digit">'0'-'9', '*', '#', 'A'-'D', or <see cref="DtmfDigits.Flash"/>.</param>
/// <param name="Duration">How long the digit lasted (so far, for a start).</param>
/// <param name="StartTimestamp">
/// Where the digit began in clock units: the RTP timestamp of the event for RFC 4733, the sample index since the detector
/// started (modulo 2^32) for in-band detection. Two events with the same digit and start are the same keypress.
/// </param>
/// <param name="EndReason">Why it ended (<see cref="DtmfEndReason.None"/> for a start).</param>
public readonly record struct DtmfEvent(DtmfEventKind Kind, char Digit, TimeSpan Duration, uint StartTimestamp, DtmfEndReason EndReason);
