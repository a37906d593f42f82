namespace ContactCenter.Media.Ports;

/// <summary>Why <see cref="RtpPortAllocator.TryAllocate"/> returned no lease.</summary>
public enum RtpPortAllocationError
{
    /// <summary>A lease was returned.</summary>
    None,

    /// <summary>Every pair in the range is leased or held by another process.</summary>
    Exhausted,

    /// <summary>Binding failed for a reason other than a busy port (e.g. the address is not local); see the socket error.</summary>
    BindFailed,
}
