namespace ContactCenter.Acd.Agents;

/// <summary>Wire names of <see cref="AgentState"/>.</summary>
public static class AgentStates
{
    public static string Name(this AgentState state) => state switch
    {
        AgentState.LoggedOut => "logged_out",
        AgentState.Available => "available",
        AgentState.Paused => "paused",
        AgentState.Rona => "rona",
        AgentState.Offered => "offered",
        AgentState.Busy => "busy",
        AgentState.Classification => "classification",
        AgentState.PostCall => "post_call",
        _ => state.ToString().ToLowerInvariant(),
    };
}
