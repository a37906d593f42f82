namespace ContactCenter.Media.Dtmf;

/// <summary>Why a digit was considered ended.</summary>
public enum DtmfEndReason
{
    /// <summary>Not ended (a <see cref="DtmfEventKind.Started"/> event).</summary>
    None,

    /// <summary>A telephone-event packet with the E bit arrived.</summary>
    EndBit,

    /// <summary>No update arrived for the end timeout (the end packets were lost).</summary>
    Timeout,

    /// <summary>A packet for a new event arrived before this one's end packets.</summary>
    NewEvent,

    /// <summary>The in-band detector stopped hearing the tone pair.</summary>
    ToneStopped,
}
