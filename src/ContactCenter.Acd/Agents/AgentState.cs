namespace ContactCenter.Acd.Agents;

/// <summary>
/// The states of ACD-03, as shown to supervisors. An agent with several digital interactions shows the busiest one:
/// offered, then busy, then classification, then post-call, then its presence (RONA, paused, available).
/// </summary>
public enum AgentState
{
    LoggedOut,

    /// <summary>"Operating": logged in and taking work.</summary>
    Available,

    /// <summary>Paused with a reason; no new work.</summary>
    Paused,

    /// <summary>Paused by the ACD because an offer rang out (redirect on no answer).</summary>
    Rona,

    /// <summary>An interaction is ringing for the agent.</summary>
    Offered,

    /// <summary>Connected to a customer.</summary>
    Busy,

    /// <summary>Choosing a disposition, within the service's classification time.</summary>
    Classification,

    /// <summary>After-call work within the service's post-call time.</summary>
    PostCall,
}
