namespace ContactCenter.Cti.Channel;

/// <summary>
/// Endpoint metadata: the endpoint (a channel transport, with a <c>{subscription}</c> route value) also accepts a
/// one-time <c>?ticket=</c> from <see cref="ChannelTickets"/> in place of the Authorization header. No other endpoint does.
/// </summary>
public sealed class ChannelTicketAuthentication
{
    /// <summary>The query parameter.</summary>
    public const string QueryParameter = "ticket";

    /// <summary>The route value naming the subscription the ticket must have been made for.</summary>
    public const string SubscriptionRouteValue = "subscription";
}
