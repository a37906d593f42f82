namespace ContactCenter.Acd.Agents;

/// <summary>
/// What the agent chose (or the ACD imposed, for RONA) independently of the work in hand. A pause asked while busy
/// takes effect as the work ends: the agent gets no new offers from the moment of asking.
/// </summary>
public enum AgentPresence
{
    LoggedOut,
    Available,
    Paused,
    Rona,
}
