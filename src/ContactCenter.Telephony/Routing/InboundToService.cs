namespace ContactCenter.Telephony.Routing;

/// <param name="Service">The service whose extensions ring, with its strategy and timeout.</param>
/// <param name="Did">The configured DID that matched.</param>
public sealed record InboundToService(ServiceConfig Service, string Did) : InboundTarget;
