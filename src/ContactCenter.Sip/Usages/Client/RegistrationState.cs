namespace ContactCenter.Sip.Usages.Client;

/// <summary>Where an <see cref="OutboundRegistration"/> stands; a trunk is "up" in <see cref="Registered"/> only.</summary>
public enum RegistrationState
{
    /// <summary>Not started, or stopped (after the Expires: 0 REGISTER).</summary>
    Unregistered,

    /// <summary>The first REGISTER after start is under way. Refreshes do not pass through this state.</summary>
    Registering,

    /// <summary>The registrar accepted the binding; refreshes keep it there.</summary>
    Registered,

    /// <summary>The last attempt failed (rejected, wrong credentials, timeout); a retry is scheduled with backoff.</summary>
    Failed,
}
