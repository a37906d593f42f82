namespace ContactCenter.Telephony.Routing;

/// <summary>No DID matches; the call engine answers 404 Not Found.</summary>
/// <param name="Dialled">The dialled user part as received.</param>
public sealed record InboundNotFound(string Dialled) : InboundTarget
{
    public int StatusCode => 404;
}
