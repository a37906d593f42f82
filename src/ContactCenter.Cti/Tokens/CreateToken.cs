using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Cti.Tokens;

/// <summary><c>POST /cti/v1/create_token</c>: a new bearer token, shown once in the response (admin only).</summary>
public sealed class CreateToken(ApiTokenStore tokens) : ICtiCommand<CreateToken.Request, CreateToken.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("create_token", CtiCommandMethod.Post, CtiPolicies.Admin,
        "Creates a bearer token for a role (an agent token is bound to one agent). The token is returned once.");

    /// <summary>The new token's name (who or what uses it), role, and agent for the agent role.</summary>
    public sealed record Request(string Name, string Role, string? AgentId = null);

    /// <summary>The token (store it now: only its hash is kept) and its listing.</summary>
    public sealed record Response(string Token, TokenView Info);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return Fail(CtiProblem.InvalidField("name", "name must be 1 to 200 characters."));
        if (!CtiRoles.IsKnown(request.Role))
            return Fail(CtiProblem.InvalidField("role", $"role must be one of {string.Join(", ", CtiRoles.All)}."));
        if (request.Role == CtiRoles.Agent && string.IsNullOrWhiteSpace(request.AgentId))
            return Fail(CtiProblem.InvalidField("agent_id", "An agent token needs the agent_id it acts for.", "missing_field"));
        if (request.Role != CtiRoles.Agent && request.AgentId is not null)
            return Fail(CtiProblem.InvalidField("agent_id", "Only agent tokens are bound to an agent_id."));
        if (request.AgentId is { Length: > 128 })
            return Fail(CtiProblem.InvalidField("agent_id", "agent_id may have at most 128 characters."));

        var (token, secret) = tokens.Create(request.Name.Trim(), request.Role, request.AgentId, context.Caller.TokenId);
        return ValueTask.FromResult<CtiResult<Response>>(new Response(secret, TokenView.From(token)));
    }

    private static ValueTask<CtiResult<Response>> Fail(CtiProblem problem) => ValueTask.FromResult<CtiResult<Response>>(problem);
}
