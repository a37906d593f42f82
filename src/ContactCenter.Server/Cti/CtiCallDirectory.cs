using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Server.SipHosting;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Server.Cti;

/// <summary>
/// The calls in progress over every SIP profile's engine, and whose they are: an agent owns a call the ACD connected
/// or offered to it, or one where its extension is a party (click-to-dial, direct calls). Agent tokens act only on
/// their own calls.
/// </summary>
public sealed class CtiCallDirectory(SipHostedService sip, AcdRuntime acd)
{
    /// <summary>A call with the engine that runs it.</summary>
    public sealed record Located(CallEngine Engine, Call Call);

    public IEnumerable<Located> ActiveCalls() =>
        sip.CallEngines.SelectMany(engine => engine.ActiveCalls.Select(call => new Located(engine, call)));

    public Located? Find(string callId)
    {
        foreach (var engine in sip.CallEngines)
        {
            if (engine.FindCall(callId) is { State: not CallState.Ended } call)
                return new Located(engine, call);
        }
        return null;
    }

    /// <summary>The engine an extension's calls are placed on (the first profile's, as every profile shares one location service).</summary>
    public CallEngine? DefaultEngine => sip.CallEngines.Count > 0 ? sip.CallEngines[0] : null;

    public Task<CtiAcdView> AcdAsync(CancellationToken cancellationToken) => CtiAcdView.CaptureAsync(acd, cancellationToken);

    /// <summary>The agent a call belongs to, if any: the ACD's assignment first, then the agent whose extension is a party.</summary>
    public static string? AgentOf(Call call, CtiAcdView view)
    {
        if (call.Agent is { } connected) return connected;
        if (view.Calls.TryGetValue(call.Id, out var assignment) && assignment.AgentId is { } assigned) return assigned;
        foreach (string party in Parties(call))
        {
            if (view.AgentByExtension.TryGetValue(party, out var agent)) return agent;
        }
        return null;
    }

    /// <summary>Whether <paramref name="agentId"/> takes part in the call (as the ACD's agent or by its extension).</summary>
    public static bool Involves(Call call, string agentId, CtiAcdView view)
    {
        if (call.Agent == agentId) return true;
        if (view.Calls.TryGetValue(call.Id, out var assignment) && assignment.AgentId == agentId) return true;
        return view.Agents.TryGetValue(agentId, out var line) && Parties(call).Contains(line.Extension, StringComparer.Ordinal);
    }

    /// <summary>Every party the call knows: caller, callee, the connected party and conference members.</summary>
    public static IEnumerable<string> Parties(Call call)
    {
        yield return call.Caller;
        yield return call.Callee;
        if (call.ConnectedParty is { } connected) yield return connected;
        foreach (string member in call.ConferenceParties) yield return member;
    }

    /// <summary>
    /// The call named by a command, if the caller may act on it: 404 <c>call_not_found</c>, or 403 for an agent token
    /// on a call that is not its own.
    /// </summary>
    public async Task<(Located? Call, CtiAcdView View, CtiProblem? Problem)> ForCallerAsync(string callId, CtiCaller caller,
        CancellationToken cancellationToken)
    {
        var view = await AcdAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(callId) || Find(callId) is not { } located)
            return (null, view, CtiProblem.NotFound("call_not_found", $"No call in progress has the id '{callId}'."));
        if (caller.IsAgent && !Involves(located.Call, caller.AgentId!, view))
            return (null, view, CtiProblem.Forbidden($"Call '{callId}' is not a call of agent '{caller.AgentId}'."));
        return (located, view, null);
    }

    /// <summary>
    /// The party of the call that is the agent's (the side the agent is on), for commands an agent gives about itself
    /// (transfer away, conference): the agent's extension if it is a party.
    /// </summary>
    public static string? AgentParty(Call call, CtiAcdView view)
    {
        if (AgentOf(call, view) is not { } agent || !view.Agents.TryGetValue(agent, out var line)) return null;
        return Parties(call).Contains(line.Extension, StringComparer.Ordinal) ? line.Extension : null;
    }

    /// <summary>The party opposite the agent (the customer), for hold, retrieve and DTMF without a named party.</summary>
    public static string? OtherParty(Call call, CtiAcdView view)
    {
        if (AgentParty(call, view) is not { } mine) return null;
        if (call.Caller != mine) return call.Caller;
        return call.ConnectedParty ?? (call.Callee != mine ? call.Callee : null);
    }
}
