using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Cti.Tokens;

/// <summary><c>POST /cti/v1/revoke_token</c>: the token stops working at once (admin only).</summary>
public sealed class RevokeToken(ApiTokenStore tokens) : ICtiCommand<RevokeToken.Request, TokenView>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("revoke_token", CtiCommandMethod.Post, CtiPolicies.Admin,
        "Revokes a bearer token; requests with it are refused from then on.");

    /// <summary>The token's id (<c>tok_…</c>).</summary>
    public sealed record Request(string TokenId);

    /// <inheritdoc />
    public ValueTask<CtiResult<TokenView>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var existing = tokens.Find(request.TokenId);
        if (existing is null)
            return ValueTask.FromResult<CtiResult<TokenView>>(CtiProblem.NotFound("token_not_found", $"No token has id '{request.TokenId}'."));
        if (!tokens.Revoke(request.TokenId))
            return ValueTask.FromResult<CtiResult<TokenView>>(CtiProblem.Conflict("token_already_revoked",
                $"Token '{request.TokenId}' was already revoked at {existing.RevokedAt}.", "revoked"));
        return ValueTask.FromResult<CtiResult<TokenView>>(TokenView.From(tokens.Find(request.TokenId)!));
    }
}
