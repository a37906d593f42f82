using ContactCenter.Cti.Commands;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Server.Cti;

/// <summary>
/// The common run of a command on one call: find it (404), check an agent token owns it (403), start the engine
/// command (or refuse before anything changes) and turn the engine's refusal into a problem (404/409/400).
/// </summary>
public static class CtiCallCommand
{
    /// <summary>What a call command answers: the call, its state after the command and, for recording commands, the recording.</summary>
    public sealed record Response(string CallId, string State, string? RecordingId = null);

    public static async ValueTask<CtiResult<Response>> RunAsync(CtiCallDirectory calls, string callId, CtiCommandContext context,
        Func<CtiCallDirectory.Located, CtiAcdView, CtiResult<Task<CallCommandResult>>> command, CancellationToken cancellationToken,
        string? argumentField = null)
    {
        var (located, view, problem) = await calls.ForCallerAsync(callId, context.Caller, cancellationToken);
        if (problem is not null) return problem;
        // Events the command causes carry its client_data (CTI-07).
        CallCommandContext.ClientData = context.ClientData;
        ContactCenter.Acd.AcdCommandContext.ClientData = context.ClientData;
        var started = command(located!, view);
        if (started.Problem is { } refused) return refused;
        var result = await started.Value!;
        if (!result.Succeeded) return CtiCallProblems.From(result, argumentField);
        return new Response(callId, CtiCallProblems.StateName(result.State ?? located!.Call.State), result.RecordingId);
    }

    /// <summary>400 for a command that needs a party the call cannot supply by itself.</summary>
    public static CtiProblem MissingParty(string why) =>
        CtiProblem.InvalidField("party", $"party is required: {why}", "missing_field");

    /// <summary>The named party, else the one opposite the call's agent (the customer).</summary>
    public static string? PartyOrOther(string? party, CtiCallDirectory.Located call, CtiAcdView view) =>
        party ?? CtiCallDirectory.OtherParty(call.Call, view);

    /// <summary>The named party, else the call's agent's own.</summary>
    public static string? PartyOrAgent(string? party, CtiCallDirectory.Located call, CtiAcdView view) =>
        party ?? CtiCallDirectory.AgentParty(call.Call, view);

    /// <summary>
    /// Whether the call's service lets agents do <paramref name="action"/> (ACD-01 permissions); calls outside any
    /// service are not restricted. 403 <paramref name="code"/> otherwise.
    /// </summary>
    public static CtiProblem? Permitted(ContactCenter.Acd.Configuration.AcdConfiguration configuration, CtiCallDirectory.Located call,
        CtiAcdView view, Func<ContactCenter.Acd.Configuration.AgentPermissions, bool> allows, string action, string code)
    {
        string? serviceId = call.Call.Service ?? (view.Calls.TryGetValue(call.Call.Id, out var assignment) ? assignment.ServiceId : null);
        if (serviceId is null || !configuration.Services.TryGetValue(serviceId, out var service) || allows(service.Permissions))
            return null;
        return CtiProblem.Forbidden($"Service '{serviceId}' does not allow agents to {action}.", code);
    }
}
