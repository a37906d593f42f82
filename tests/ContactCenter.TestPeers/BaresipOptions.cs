namespace ContactCenter.TestPeers;

/// <summary>One headless baresip softphone with one account, bound to loopback.</summary>
public sealed record BaresipOptions
{
    /// <summary>The account's user (the AOR is sip:User@Registrar).</summary>
    public required string User { get; init; }

    /// <summary>"host:port" of the registrar/domain, e.g. the server under test or a sipp.</summary>
    public required string Registrar { get; init; }

    /// <summary>Digest password; null sends no credentials.</summary>
    public string? Password { get; init; }

    /// <summary>Digest user name when it differs from <see cref="User"/>.</summary>
    public string? AuthUser { get; init; }

    public string? DisplayName { get; init; }

    public PeerTransport Transport { get; init; } = PeerTransport.Udp;

    /// <summary>Seconds between registrations (regint); 0 never registers.</summary>
    public int RegistrationInterval { get; init; }

    public BaresipAnswerMode AnswerMode { get; init; } = BaresipAnswerMode.Manual;

    /// <summary>Codecs offered, in order (the g711 module is loaded).</summary>
    public string AudioCodecs { get; init; } = "PCMU,PCMA";

    /// <summary>The sine tone baresip sends as its microphone.</summary>
    public int ToneFrequency { get; init; } = 440;

    /// <summary>SIP port for UDP and TCP; null picks a free one.</summary>
    public int? SipPort { get; init; }

    /// <summary>ctrl_tcp port; null picks a free one.</summary>
    public int? ControlPort { get; init; }

    /// <summary>Extra ";name=value" account parameters, e.g. "outbound=\"sip:127.0.0.1:5060\"".</summary>
    public IReadOnlyList<string> ExtraAccountParameters { get; init; } = [];

    /// <summary>Extra config lines appended as given.</summary>
    public IReadOnlyList<string> ExtraConfigLines { get; init; } = [];

    /// <summary>Print every SIP message to stdout (<c>-s</c>), captured for diagnostics.</summary>
    public bool SipTrace { get; init; } = true;

    /// <summary>baresip quits by itself after this long (<c>-t</c>), should the test host die without stopping it.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for ctrl_tcp to accept a connection after start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After SIGTERM baresip unregisters and may wait ~32 s for the reply; after this grace a second
    /// SIGTERM makes it exit at once.
    /// </summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where the config is written; null makes a temporary one, removed on dispose.</summary>
    public string? ConfigDirectory { get; init; }

    public bool KeepConfigDirectory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
