namespace ContactCenter.Events.Contracts;

/// <summary>Whether a CDR is final (same members and order as ContactCenter.Telephony.Cdr.CdrStatus).</summary>
public enum CallRecordStatus
{
    /// <summary>The call is up (or the process died while it was).</summary>
    InProgress,
    Completed,
    /// <summary>The process stopped while the call was up; closed on the next start.</summary>
    EndedByRestart,
}
