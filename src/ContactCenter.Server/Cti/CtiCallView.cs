using ContactCenter.Telephony.Calls;

namespace ContactCenter.Server.Cti;

/// <summary>A call in progress as CTI shows it; <c>agent_id</c> is the agent it belongs to, when one does.</summary>
public sealed record CtiCallView(
    string CallId,
    string State,
    string Direction,
    string Caller,
    string Callee,
    string? ConnectedParty,
    string? AgentId,
    string? ServiceId,
    string? Trunk,
    string? Did,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    IReadOnlyList<string> ConferenceParties,
    IReadOnlyList<string> RecordingIds)
{
    public static CtiCallView From(Call call, CtiAcdView view) => new(
        call.Id, CtiCallProblems.StateName(call.State), call.Direction.ToString().ToLowerInvariant(), call.Caller, call.Callee,
        call.ConnectedParty, CtiCallDirectory.AgentOf(call, view),
        call.Service ?? (view.Calls.TryGetValue(call.Id, out var assignment) ? assignment.ServiceId : null),
        call.Trunk, call.Did, call.StartedAt, call.AnsweredAt, call.ConferenceParties, call.RecordingIds.ToArray());
}
