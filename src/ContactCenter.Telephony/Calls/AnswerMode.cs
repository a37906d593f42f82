namespace ContactCenter.Telephony.Calls;

/// <summary>How a call offered to an extension is answered (SIP-04).</summary>
public enum AnswerMode
{
    /// <summary>The phone rings; the call connects when it is answered (or accepted by command).</summary>
    Manual,

    /// <summary>The INVITE carries auto-answer headers so the phone answers by itself.</summary>
    Automatic,
}
