namespace ContactCenter.TestPeers;

/// <summary>One headless linphonec (Linphone's console client) with one account, bound to loopback, UDP only.</summary>
public sealed record LinphoneOptions
{
    /// <summary>The account's user (the identity is sip:User@Registrar).</summary>
    public required string User { get; init; }

    /// <summary>"host:port" of the registrar, e.g. the server under test.</summary>
    public required string Registrar { get; init; }

    /// <summary>Digest password; null registers without credentials.</summary>
    public string? Password { get; init; }

    /// <summary>Digest realm to answer; null answers the registrar's, whatever it is.</summary>
    public string? Realm { get; init; }

    /// <summary>Registration lifetime asked for (reg_expires).</summary>
    public int RegistrationExpires { get; init; } = 600;

    /// <summary>Answer every incoming call at once (<c>-a</c>).</summary>
    public bool AutoAnswer { get; init; } = true;

    /// <summary>
    /// The tone linphonec sends as its microphone (Hz), from a WAV written beside its config; null sends nothing it
    /// plays (linphonec then runs in file mode without a file, as there is no sound card). Like baresip's ausine.
    /// </summary>
    public int? ToneFrequency { get; init; } = 440;

    /// <summary>SIP UDP port; null picks a free one.</summary>
    public int? SipPort { get; init; }

    /// <summary>How long to wait for linphonec to start and bind its SIP port.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After "quit" (which unregisters first), how long before SIGTERM, then SIGKILL.</summary>
    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where config, HOME and log go; null makes a temporary one, removed on dispose.</summary>
    public string? WorkDirectory { get; init; }

    public bool KeepWorkDirectory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
