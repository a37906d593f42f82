namespace ContactCenter.Cti.Commands;

/// <summary>What the router needs to know about a command before it runs.</summary>
/// <param name="Name">The command name in the URL, snake_case as in the source (CTI-08): <c>get_agents_list</c>.</param>
/// <param name="Method">GET for queries, POST for actions.</param>
/// <param name="Policy">The authorization policy, one of <see cref="Authentication.CtiPolicies"/>.</param>
/// <param name="Summary">One line for the OpenAPI document.</param>
public sealed record CtiCommandInfo(string Name, CtiCommandMethod Method, string Policy, string Summary);
