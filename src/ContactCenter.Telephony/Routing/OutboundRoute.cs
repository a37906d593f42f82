namespace ContactCenter.Telephony.Routing;

/// <summary>Where a call dialled by an extension goes; see <see cref="RoutingTable.RouteOutbound"/>.</summary>
public abstract record OutboundRoute;
