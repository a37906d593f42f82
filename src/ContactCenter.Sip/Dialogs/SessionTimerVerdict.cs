namespace ContactCenter.Sip.Dialogs;

/// <summary>The outcome of session timer negotiation for one request or response.</summary>
public enum SessionTimerVerdict : byte
{
    /// <summary>A session timer runs with the negotiated interval and refresher.</summary>
    Active,

    /// <summary>No session timer for this session.</summary>
    None,

    /// <summary>UAS: the requested interval is below our Min-SE: answer 422 Session Interval Too Small with Min-SE.</summary>
    IntervalTooSmall,

    /// <summary>Session-Expires or Min-SE is malformed: answer 400 (UAS) or ignore the timer (UAC).</summary>
    Malformed,
}
