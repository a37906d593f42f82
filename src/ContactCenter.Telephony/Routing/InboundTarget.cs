namespace ContactCenter.Telephony.Routing;

/// <summary>Where a call arriving on a trunk goes; see <see cref="RoutingTable.RouteInbound"/>.</summary>
public abstract record InboundTarget;
