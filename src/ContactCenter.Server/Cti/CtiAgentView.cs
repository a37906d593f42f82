using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;

namespace ContactCenter.Server.Cti;

/// <summary>An agent as CTI lists it: who, where, and the live state (ACD-07).</summary>
public sealed record CtiAgentView(
    string AgentId,
    string Name,
    string Extension,
    string State,
    string? PauseReason,
    DateTimeOffset? StateSince,
    bool LoggedIn,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> LoggedInServices)
{
    /// <summary>Built on the ACD loop.</summary>
    public static CtiAgentView From(AgentDefinition definition, AgentSession? session) => new(
        definition.Id, definition.Name, session?.Extension ?? definition.Extension,
        (session?.State ?? AgentState.LoggedOut).Name(), session?.PauseReason, session?.StateSince,
        session?.IsLoggedIn ?? false, definition.Services, session?.Services ?? []);
}
