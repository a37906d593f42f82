namespace ContactCenter.Telephony.Cdr;

public enum CdrStatus
{
    /// <summary>The call is up (or the process died while it was).</summary>
    InProgress,
    Completed,
    /// <summary>The process stopped while the call was up; closed on the next start.</summary>
    EndedByRestart,
}
