using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Cti.Tokens;

/// <summary><c>GET /cti/v1/get_tokens</c>: every token, revoked ones included, without secrets (admin only).</summary>
public sealed class GetTokens(ApiTokenStore tokens) : ICtiCommand<CtiNoParameters, GetTokens.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("get_tokens", CtiCommandMethod.Get, CtiPolicies.Admin,
        "Lists the bearer tokens (never the tokens themselves).");

    /// <summary>The tokens, newest first.</summary>
    public sealed record Response(IReadOnlyList<TokenView> Tokens);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(CtiNoParameters request, CtiCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CtiResult<Response>>(new Response(tokens.List().Select(TokenView.From).ToList()));
}
