namespace ContactCenter.TestPeers;

/// <summary>What baresip does with an incoming call (its account parameter answermode).</summary>
public enum BaresipAnswerMode
{
    /// <summary>Rings (CALL_INCOMING) until told to accept.</summary>
    Manual,

    /// <summary>Answers at once.</summary>
    Auto,

    /// <summary>Answers with early media (183) first.</summary>
    Early,
}
