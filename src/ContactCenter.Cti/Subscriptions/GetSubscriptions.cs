using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Cti.Subscriptions;

/// <summary><c>GET /cti/v1/get_subscriptions</c>: the token's subscriptions; admins and supervisors may ask for all.</summary>
public sealed class GetSubscriptions(SubscriptionStore subscriptions) : ICtiCommand<GetSubscriptions.Request, GetSubscriptions.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("get_subscriptions", CtiCommandMethod.Get, CtiPolicies.Agent,
        "Lists this token's subscriptions (all=true: every token's, for admins and supervisors). Webhook secrets are never shown.");

    /// <summary>Whether to list every token's subscriptions.</summary>
    public sealed record Request(bool All = false);

    /// <summary>The subscriptions, oldest first.</summary>
    public sealed record Response(IReadOnlyList<SubscriptionView> Subscriptions);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (request.All && !context.Caller.IsSupervisorOrAbove)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.Forbidden("Only admins and supervisors may list every token's subscriptions."));
        var list = subscriptions.List(request.All ? null : context.Caller.TokenId).Select(SubscriptionView.From).ToList();
        return ValueTask.FromResult<CtiResult<Response>>(new Response(list));
    }
}
