namespace ContactCenter.Telephony.Routing;

/// <summary>The call cannot be placed; <see cref="StatusCode"/> is the SIP final response to send.</summary>
public sealed record OutboundNoRoute(NoRouteReason Reason, string Detail) : OutboundRoute
{
    public int StatusCode => Reason switch
    {
        NoRouteReason.UnknownCaller => 403,
        NoRouteReason.InvalidNumber => 484,
        _ => 404,
    };
}
