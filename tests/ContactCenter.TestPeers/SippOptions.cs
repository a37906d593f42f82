namespace ContactCenter.TestPeers;

/// <summary>How to run one sipp process. Everything binds to loopback by default.</summary>
public sealed record SippOptions
{
    public required SippScenario Scenario { get; init; }

    /// <summary>"host:port" to send to (a UAC); null for a UAS that waits for calls.</summary>
    public string? Target { get; init; }

    public string LocalAddress { get; init; } = "127.0.0.1";

    /// <summary>sipp's local SIP port (<c>-p</c>); null picks a free one (see <see cref="SippProcess.LocalPort"/>).</summary>
    public int? LocalPort { get; init; }

    public PeerTransport Transport { get; init; } = PeerTransport.Udp;

    /// <summary>Calls per second (<c>-r</c>); sipp's default is 10.</summary>
    public double? Rate { get; init; }

    /// <summary>Stop after this many calls (<c>-m</c>).</summary>
    public int? CallLimit { get; init; }

    /// <summary>Most calls open at once (<c>-l</c>).</summary>
    public int? ConcurrentCallLimit { get; init; }

    /// <summary>Digest user for <c>[authentication]</c> (<c>-au</c>).</summary>
    public string? AuthUser { get; init; }

    /// <summary>Digest password for <c>[authentication]</c> (<c>-ap</c>).</summary>
    public string? AuthPassword { get; init; }

    /// <summary>The user part of the request URI, <c>[service]</c> (<c>-s</c>).</summary>
    public string? Service { get; init; }

    /// <summary>An injection CSV (<c>-inf</c>).</summary>
    public string? InjectionFile { get; init; }

    /// <summary>Index the injection file on this field (<c>-infindex file field</c>), for &lt;lookup&gt;.</summary>
    public int? InjectionIndexField { get; init; }

    /// <summary>Generic keywords for the scenario (<c>-key name value</c>).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// sipp quits by itself after this long (<c>-timeout</c> with <c>-timeout_error</c>, so hitting it
    /// is a failure). It also reaps a sipp that outlives a crashed test host.
    /// </summary>
    public TimeSpan GlobalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A call fails when an expected message does not come within this (<c>-recv_timeout</c>).</summary>
    public TimeSpan? ReceiveTimeout { get; init; }

    /// <summary>UDP socket buffers (<c>-buff_size</c>); default buffers lose calls above ~2,000/s.</summary>
    public int BufferSize { get; init; } = 1024 * 1024;

    /// <summary>Also log every message to messages.log in the working directory (<c>-trace_msg</c>).</summary>
    public bool TraceMessages { get; init; }

    /// <summary>Arguments appended as given, for anything not modelled here.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Where sipp runs and writes its files; null makes a temporary one, removed on dispose.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Keep a temporary working directory after dispose (to read the logs).</summary>
    public bool KeepWorkingDirectory { get; init; }

    /// <summary>
    /// How long a SIGUSR1 stop waits for sipp to finish its calls before SIGTERM. The built-in uas
    /// keeps each finished call 4 s (timewait), so 6 s lets it write complete statistics.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(6);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
