namespace ContactCenter.Media.Bridging;

/// <summary>What one direction of a bridge did with the packets its source endpoint accepted.</summary>
/// <param name="Relayed">Audio packets forwarded without decoding (same codec).</param>
/// <param name="TelephoneEventsRelayed">RFC 4733 packets forwarded with the payload type mapped.</param>
/// <param name="Transcoded">Audio packets decoded for the transcoding path (different codecs).</param>
/// <param name="Dropped">Packets not forwarded: the target sends nothing now, has no telephone-event, or the codec is unknown.</param>
public readonly record struct BridgeDirectionCounters(long Relayed, long TelephoneEventsRelayed, long Transcoded, long Dropped);
