namespace ContactCenter.Acd.Configuration;

/// <summary>How an offered interaction is accepted (ACD-04).</summary>
public enum AnswerMode
{
    /// <summary>The channel connects the agent by itself after the service's answer delay (auto-answer).</summary>
    Automatic,

    /// <summary>The agent is rung and must accept; rejecting passes the interaction to the next agent.</summary>
    Manual,
}
