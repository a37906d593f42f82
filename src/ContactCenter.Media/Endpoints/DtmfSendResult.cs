namespace ContactCenter.Media.Endpoints;

/// <summary>What <see cref="RtpEndpoint.SendDtmf"/> did.</summary>
public enum DtmfSendResult
{
    /// <summary>Queued; the packets go out on the next media ticks.</summary>
    Queued,

    /// <summary>The peer did not negotiate telephone-event (or nothing is negotiated yet).</summary>
    NotNegotiated,

    /// <summary>Not a DTMF digit, a duration under 40 ms or over 8 s, or the digit queue is full.</summary>
    Rejected,

    /// <summary>No telephone-event: the digit is sent as a dual tone in the audio on the next ticks.</summary>
    QueuedInBand,
}
