using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Cti.Tests.Commands;

/// <summary>A GET command with typed query parameters.</summary>
public sealed class QueryCommand : ICtiCommand<QueryCommand.Request, QueryCommand.Request>
{
    public static CtiCommandInfo Info { get; } = new("test_query", CtiCommandMethod.Get, CtiPolicies.Agent, "Test: returns its parameters.");

    public sealed record Request(string AgentId, int Limit = 10, bool Active = false, IReadOnlyList<string>? Services = null);

    public ValueTask<CtiResult<Request>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CtiResult<Request>>(request);
}
