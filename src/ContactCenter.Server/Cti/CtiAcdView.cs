using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;

namespace ContactCenter.Server.Cti;

/// <summary>
/// What the CTI commands need to know from the ACD about agents and calls, copied on the routing loop in one go (its
/// state is only consistent there): each agent's extension and state, and which agent each ACD call is offered to or
/// connected with.
/// </summary>
public sealed class CtiAcdView
{
    private CtiAcdView(Dictionary<string, AgentLine> agents, Dictionary<string, CallAssignment> calls)
    {
        Agents = agents;
        Calls = calls;
        AgentByExtension = agents.Values
            .GroupBy(a => a.Extension, StringComparer.Ordinal)
            // A logged-in agent owns the extension it logged in at over another agent merely configured there.
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.LoggedIn).First().AgentId, StringComparer.Ordinal);
    }

    /// <summary>One agent: the extension voice reaches it at (where it logged in, else its configured one) and its state.</summary>
    public sealed record AgentLine(string AgentId, string Extension, bool LoggedIn, string State);

    /// <summary>An ACD call's agent and where the interaction is (offered, connected).</summary>
    public sealed record CallAssignment(string InteractionId, string ServiceId, string? AgentId, InteractionState State);

    public IReadOnlyDictionary<string, AgentLine> Agents { get; }

    /// <summary>By call id.</summary>
    public IReadOnlyDictionary<string, CallAssignment> Calls { get; }

    public IReadOnlyDictionary<string, string> AgentByExtension { get; }

    public static Task<CtiAcdView> CaptureAsync(AcdRuntime runtime, CancellationToken cancellationToken) =>
        runtime.RunAsync(Capture, cancellationToken);

    private static CtiAcdView Capture(AcdEngine engine)
    {
        var agents = new Dictionary<string, AgentLine>(StringComparer.Ordinal);
        foreach (var definition in engine.Configuration.Agents.Values)
        {
            var session = engine.Agents.GetValueOrDefault(definition.Id);
            agents[definition.Id] = new AgentLine(definition.Id, session?.Extension ?? definition.Extension, session?.IsLoggedIn ?? false,
                (session?.State ?? AgentState.LoggedOut).Name());
        }
        var calls = new Dictionary<string, CallAssignment>(StringComparer.Ordinal);
        foreach (var interaction in engine.Interactions.Values)
        {
            if (interaction.CallId is { } callId)
                calls[callId] = new CallAssignment(interaction.Id, interaction.ServiceId, interaction.AgentId, interaction.State);
        }
        return new CtiAcdView(agents, calls);
    }
}
