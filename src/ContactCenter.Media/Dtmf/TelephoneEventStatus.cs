namespace ContactCenter.Media.Dtmf;

/// <summary>What <see cref="TelephoneEventReceiver.Receive"/> made of a packet.</summary>
public enum TelephoneEventStatus
{
    /// <summary>A new digit began (a <see cref="DtmfEventKind.Started"/> event was queued).</summary>
    Started,

    /// <summary>A new digit was seen only through its end packet: started and ended events were both queued.</summary>
    StartedAndEnded,

    /// <summary>An update of the digit in progress.</summary>
    Updated,

    /// <summary>The end of the digit in progress (an <see cref="DtmfEventKind.Ended"/> event was queued).</summary>
    Ended,

    /// <summary>A repeated end packet or a late update of a digit already ended: ignored.</summary>
    Duplicate,

    /// <summary>A packet of an older event than the latest one (reordered): ignored.</summary>
    Stale,

    /// <summary>Payload shorter than 4 octets, or a second event code under the same timestamp: ignored and counted.</summary>
    Malformed,

    /// <summary>A telephone event that is not DTMF (code above 16, e.g. fax tones): ignored.</summary>
    NotDtmf,
}
