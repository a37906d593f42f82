namespace ContactCenter.Server.Configuration;

/// <summary>The <c>ContactCenter:Sip</c> section: RFC 3261 timers and transport limits.</summary>
public sealed class SipOptions
{
    /// <summary>RFC 3261 T1, the round-trip estimate.</summary>
    public int T1Milliseconds { get; set; } = 500;

    /// <summary>RFC 3261 T2, the cap on non-INVITE request and INVITE response retransmit intervals.</summary>
    public int T2Milliseconds { get; set; } = 4000;

    /// <summary>RFC 3261 T4, the longest a message stays in the network.</summary>
    public int T4Milliseconds { get; set; } = 5000;

    /// <summary>
    /// How long an incoming INVITE waits for the call's own first response (the callee's 180 relayed, a final answer)
    /// before 100 Trying is sent for it; at most 200 ms (RFC 3261 §17.2.1). 0 (the default) sends it at once from the
    /// receive thread: deferred, it is sent by a timer on the thread pool, and near saturation that let callers'
    /// INVITEs be retransmitted (call load at 3,000/s failed twice with 100 ms and passed with 0).
    /// </summary>
    public int TryingDelayMilliseconds { get; set; }

    /// <summary>Largest SIP message accepted on any transport, in bytes.</summary>
    public int MaxMessageSize { get; set; } = 65535;

    /// <summary>Socket send and receive buffer size; the kernel's receive queue is the first wall under load.</summary>
    public int SocketBufferBytes { get; set; } = 4194304;

    public RegistrarOptions Registrar { get; set; } = new();

    public TimeSpan T1 => TimeSpan.FromMilliseconds(T1Milliseconds);

    public TimeSpan T2 => TimeSpan.FromMilliseconds(T2Milliseconds);

    public TimeSpan T4 => TimeSpan.FromMilliseconds(T4Milliseconds);

    public TimeSpan TryingDelay => TimeSpan.FromMilliseconds(TryingDelayMilliseconds);
}
