namespace ContactCenter.Acd.Routing;

/// <summary>Why the ACD gives an interaction back to its channel without an agent.</summary>
public enum ReleaseReason
{
    /// <summary>It waited the service's maximum and the service has no overflow target.</summary>
    MaxWaitWithoutOverflow,

    /// <summary>Its service was removed from the configuration.</summary>
    ServiceRemoved,
}
