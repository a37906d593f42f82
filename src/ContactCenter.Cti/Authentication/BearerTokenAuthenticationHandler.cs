using System.Security.Claims;
using System.Text.Encodings.Web;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Commands;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContactCenter.Cti.Authentication;

/// <summary>
/// <c>Authorization: Bearer cc_…</c>: hashes the token and looks it up. On the channel endpoints only, a request without
/// the header may carry a one-time <c>?ticket=cct_…</c> instead (<see cref="ChannelTickets"/>: browsers cannot set
/// headers on EventSource or WebSocket); it acts as the token that made it. Challenges and refusals are answered with
/// RFC 9457 problem details (<c>unauthorized</c>, <c>forbidden</c>) rather than bare status codes.
/// </summary>
public sealed class BearerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenStore tokens,
    ChannelTickets tickets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name, and the server's default scheme.</summary>
    public const string SchemeName = "cc-bearer";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return Task.FromResult(AuthenticateWithTicket());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header is not a Bearer token."));
        string token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > ApiTokenSecret.MaxLength || !token.StartsWith(ApiTokenSecret.Prefix, StringComparison.Ordinal))
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is malformed."));

        var found = tokens.FindActive(ApiTokenSecret.Hash(token));
        if (found is null)
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is unknown or revoked."));
        return Task.FromResult(Success(found));
    }

    // Only where the endpoint says so, only with no Authorization header, and only for the subscription in the route.
    private AuthenticateResult AuthenticateWithTicket()
    {
        if (Context.GetEndpoint()?.Metadata.GetMetadata<ChannelTicketAuthentication>() is null
            || Request.Query[ChannelTicketAuthentication.QueryParameter].FirstOrDefault() is not { Length: > 0 } ticket)
            return AuthenticateResult.NoResult();
        string subscription = Request.RouteValues[ChannelTicketAuthentication.SubscriptionRouteValue] as string ?? "";
        if (tickets.Redeem(ticket, subscription, out string failure) is not { } tokenHash)
            return AuthenticateResult.Fail(failure);
        return tokens.FindActive(tokenHash) is { } found
            ? Success(found)
            : AuthenticateResult.Fail("The token that made this channel ticket has been revoked.");
    }

    private static AuthenticateResult Success(ApiToken found)
    {
        var claims = new List<Claim>
        {
            new(CtiClaimTypes.TokenId, found.Id),
            new(ClaimTypes.Name, found.Name),
            new(ClaimTypes.Role, found.Role),
        };
        if (found.AgentId is not null)
            claims.Add(new Claim(CtiClaimTypes.AgentId, found.AgentId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        bool presented = result.Failure is not null;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        var problem = CtiProblem.Unauthorized(presented
            ? result.Failure!.Message
            : Context.GetEndpoint()?.Metadata.GetMetadata<ChannelTicketAuthentication>() is null
                ? "This endpoint needs a bearer token: Authorization: Bearer cc_…"
                : "The channel needs a bearer token (Authorization: Bearer cc_…) or a one-time ?ticket= from create_channel_ticket.");
        await CtiProblemWriter.WriteAsync(Context, problem, clientData: null);
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        CtiProblemWriter.WriteAsync(Context, CtiProblem.Forbidden("This token's role may not use this endpoint."), clientData: null);
}
