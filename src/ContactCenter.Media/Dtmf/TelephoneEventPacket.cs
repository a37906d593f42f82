namespace ContactCenter.Media.Dtmf;

/// <summary>
/// One telephone-event packet to send: the RTP marker and timestamp to put in the header and the payload. The
/// outgoing stream supplies the SSRC, the payload type negotiated for telephone-event and a fresh sequence number for
/// every packet, end retransmissions included.
/// </summary>
/// <param name="Marker">Set on the first packet of an event.</param>
/// <param name="Timestamp">The event's RTP timestamp, the same for all its packets.</param>
/// <param name="Payload">Event, end bit, volume and duration.</param>
public readonly record struct TelephoneEventPacket(bool Marker, uint Timestamp, TelephoneEventPayload Payload);
