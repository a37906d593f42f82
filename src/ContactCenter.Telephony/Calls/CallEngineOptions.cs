namespace ContactCenter.Telephony.Calls;

/// <summary>Settings of the call engine (B2BUA).</summary>
public sealed record CallEngineOptions
{
    /// <summary>How long the callee may ring before the caller gets 480 and the callee a CANCEL.</summary>
    public TimeSpan NoAnswerTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Calls held at once; past it a new INVITE gets 503 (each call holds two RTP port pairs).</summary>
    public int MaxCalls { get; init; } = 10_000;

    /// <summary>
    /// Without INVITE authentication (<see cref="CallEngine.Authentication"/>), accept an INVITE only from where its
    /// calling extension is registered (same transport and source address, and for UDP the same port): what stops anyone
    /// on the network from calling as an extension by writing its number in From. Off only for tests that drive
    /// unregistered raw peers.
    /// </summary>
    public bool RequireRegisteredCaller { get; init; } = true;

    /// <summary>Work items queued on one call before further signalling for it is dropped (the peer retransmits).</summary>
    public int QueueCapacity { get; init; } = 256;

    /// <summary>Session timers (RFC 4028): our preferred interval and Min-SE; a caller asking for less than Min-SE gets 422.</summary>
    public ContactCenter.Sip.Dialogs.SessionTimerOptions SessionTimers { get; init; } = ContactCenter.Sip.Dialogs.SessionTimerOptions.Default;

    /// <summary>
    /// Call work queued and not yet run, across all calls (messages, timers, commands: a call queues a handful), past
    /// which a new INVITE gets 503 with Retry-After. The engine is then behind — the CPU is saturated or a collection
    /// paused it — and each call taken on top would wait longer, so its peers retransmit and every call slows down
    /// (past saturation the rate of completed calls fell by a third without this). At 3,000 calls/s on two cores the
    /// engine runs ≈ 18,000 items a second (about six per call: its messages), so the default is ≈ half a second of work
    /// (peers retransmit after T1, 500 ms).
    /// </summary>
    public int MaxPendingWork
    {
        get => _maxPendingWork;
        init => _maxPendingWork = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxPendingWork), value, "Must be at least 1.");
    }

    private readonly int _maxPendingWork = 10_000;

    /// <summary>Retry-After (seconds) on a 503 for overload or RTP ports exhausted.</summary>
    public int RetryAfterSeconds { get; init; } = 5;
}
