using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// <c>POST /cti/v1/create_channel_ticket</c>: a one-time ticket to open a channel subscription's SSE or WebSocket
/// stream from a browser, which cannot send an Authorization header there: the page gets the ticket through its own
/// backend or an authenticated call, then opens <c>channel_url</c> or <c>websocket_url</c> within the ticket's lifetime.
/// Each reconnect needs a new ticket. The ticket acts as the token that made it, for that subscription only.
/// </summary>
public sealed class CreateChannelTicket(SubscriptionStore subscriptions, ApiTokenStore tokens, ChannelTickets tickets)
    : ICtiCommand<CreateChannelTicket.Request, CreateChannelTicket.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("create_channel_ticket", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Makes a one-time, short-lived ticket that opens one channel subscription's stream without an Authorization header (for browsers' EventSource and WebSocket).");

    /// <summary>The channel subscription the ticket opens.</summary>
    public sealed record Request(string SubscriptionId);

    /// <summary>The ticket (shown once), when it expires, and the two URLs that accept it.</summary>
    public sealed record Response(string Ticket, string SubscriptionId, DateTimeOffset ExpiresAt, string ChannelUrl, string WebsocketUrl);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var subscription = subscriptions.Find(request.SubscriptionId);
        if (subscription is null || !SubscriptionAccess.MayManage(context.Caller, subscription))
            return ValueTask.FromResult<CtiResult<Response>>(SubscriptionAccess.NotFound(request.SubscriptionId));
        if (subscription.Delivery != CtiDelivery.Channel)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.Conflict("not_a_channel_subscription",
                $"Subscription '{subscription.Id}' is delivered by webhook, not on the channel.", "webhook"));
        if (tokens.Find(context.Caller.TokenId) is not { RevokedAt: null } token)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.Unauthorized("The token was revoked."));
        if (tickets.Issue(token.TokenHash, subscription.Id) is not { } issued)
            return ValueTask.FromResult<CtiResult<Response>>(new CtiProblem(StatusCodes.Status429TooManyRequests, "too_many_channel_tickets",
                "Too many channel tickets are waiting to be used.", $"At most {ChannelTickets.MaxOutstanding} tickets may be outstanding; use or let some expire."));
        string query = "?" + ChannelTicketAuthentication.QueryParameter + "=" + Uri.EscapeDataString(issued.Ticket);
        string channel = SubscriptionView.ChannelPath(subscription.Id);
        return ValueTask.FromResult<CtiResult<Response>>(new Response(issued.Ticket, subscription.Id, issued.ExpiresAt,
            channel + query, channel + "/ws" + query));
    }
}
