using System.Net.NetworkInformation;
using ContactCenter.Media.Codecs;
using ContactCenter.Server.Tests.Support;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The sipp phones of one test against <see cref="RunningSipServer"/>: phones that registered and answer
/// (each streaming its own tone), extensions that dial, and a phone's twin processes in 3PCC mode (sipp keys a call by its
/// Call-ID, so a phone with two dialogs is two sipp processes talking over a TCP "twin" socket). Every process runs in a
/// directory of its own holding tone.wav, and is stopped by PID on dispose.
/// </summary>
internal sealed class SippPhones(RunningSipServer server) : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly List<SippProcess> _peers = [];

    public static string Scenario(string file) =>
        Path.Combine(ProfileFiles.RepositoryRoot(), "tests", "ContactCenter.Server.Tests", "SipPeers", "Scenarios", file);

    /// <summary>Registers <paramref name="extension"/> from a port, then answers one call there with <paramref name="scenario"/>.</summary>
    public async Task<SippProcess> AnsweringPhoneAsync(string extension, string scenario, int toneHz)
    {
        int port = FreePort.Udp();
        await using (var register = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RunningSipServer.LoadScenario("register_digest_uac.xml")),
            Target = server.Udp.ToString(),
            LocalPort = port,
            CallLimit = 1,
            InjectionFile = server.WriteUsersCsv(int.Parse(extension, System.Globalization.CultureInfo.InvariantCulture)),
            GlobalTimeout = TimeSpan.FromSeconds(20),
        }))
        {
            var registered = await register.WaitForExitAsync(Wait);
            Assert.True(registered.Succeeded, registered.Describe());
        }
        var phone = Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Scenario(scenario)),
            LocalPort = port,
            CallLimit = 1,
            GlobalTimeout = TimeSpan.FromSeconds(90),
            WorkingDirectory = ToneDirectory("phone-" + extension, toneHz),
        });
        await phone.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
        return phone;
    }

    /// <summary>
    /// The first of two 3PCC twins: it listens on <paramref name="twinPort"/> and acts when the other's command comes.
    /// Returns once the twin socket is listening (the second twin connects to it as it starts, and fails if it cannot).
    /// </summary>
    public async Task<SippProcess> ListeningTwinAsync(SippOptions options, int twinPort)
    {
        var twin = Start(options with { ExtraArguments = [.. options.ExtraArguments, "-3pcc", $"127.0.0.1:{twinPort}"] });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        // Probing by connecting would take the twin's one connection: read the kernel's listener table instead.
        while (!IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Any(e => e.Port == twinPort))
        {
            if (twin.HasExited) Assert.Fail("the listening 3PCC twin exited: " + (await twin.WaitForExitAsync(TimeSpan.Zero)).Describe());
            if (DateTime.UtcNow > deadline) Assert.Fail($"the 3PCC twin did not listen on {twinPort}: {twin.CommandLine}");
            await Task.Delay(20);
        }
        return twin;
    }

    /// <summary>The second 3PCC twin: it connects to the first at <paramref name="twinPort"/> and starts its call at once.</summary>
    public SippProcess ConnectingTwin(SippOptions options, int twinPort) =>
        Start(options with { ExtraArguments = [.. options.ExtraArguments, "-3pcc", $"127.0.0.1:{twinPort}"] });

    /// <summary>
    /// A UAC for extension <paramref name="extension"/> (<c>[from]</c>) dialling <paramref name="dialled"/> (<c>[service]</c>)
    /// with Digest on its INVITEs.
    /// </summary>
    public SippOptions Extension(string scenario, string extension, string dialled, string name, int toneHz) => new()
    {
        Scenario = SippScenario.FromFile(Scenario(scenario)),
        Target = server.Udp.ToString(),
        Service = dialled,
        Keys = new Dictionary<string, string> { ["from"] = extension },
        AuthUser = extension,
        AuthPassword = "pw-" + extension,
        // sipp digests "sip:remote_ip:remote_port" unless told; the server (rightly) wants the Request-URI.
        ExtraArguments = ["-auth_uri", $"{dialled}@{server.Udp}"],
        CallLimit = 1,
        GlobalTimeout = TimeSpan.FromSeconds(60),
        ReceiveTimeout = TimeSpan.FromSeconds(15),
        WorkingDirectory = ToneDirectory(name, toneHz),
    };

    /// <summary>Starts a sipp that this object stops on dispose.</summary>
    public SippProcess Start(SippOptions options)
    {
        var sipp = SippProcess.Start(options);
        _peers.Add(sipp);
        return sipp;
    }

    /// <summary>A directory of the server's temporary tree with tone.wav: a sine as a u-law WAV, which sipp's rtp_stream sends as PCMU.</summary>
    private string ToneDirectory(string name, int hz)
    {
        var directory = Path.Combine(server.WorkDirectory, $"sipp-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        const int rate = 8000;
        var samples = new short[rate * 2];
        for (int i = 0; i < samples.Length; i++) samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        var audio = new byte[samples.Length];
        MuLaw.Encode(samples, audio);
        using var writer = new BinaryWriter(File.Create(Path.Combine(directory, "tone.wav")));
        writer.Write("RIFF"u8);
        writer.Write(4 + 26 + 8 + audio.Length);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(18);
        writer.Write((short)7); // WAVE_FORMAT_MULAW
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate);
        writer.Write((short)1);
        writer.Write((short)8);
        writer.Write((short)0);
        writer.Write("data"u8);
        writer.Write(audio.Length);
        writer.Write(audio);
        return directory;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers) await peer.DisposeAsync();
    }
}
