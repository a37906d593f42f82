using System.Globalization;
using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>
/// Writes a baresip config directory (config, accounts, contacts) after the verified pattern in
/// shared/tooling/baresip: loopback only, no audio player, no stdio UI, control over ctrl_tcp.
/// The accounts file stays empty: the account is created over ctrl_tcp ("uanew") once connected,
/// because baresip pushes events only to connected clients and would register before we connect.
/// </summary>
internal static class BaresipConfig
{
    public static void Write(string directory, BaresipOptions options, int sipPort, int controlPort, (int First, int Last) rtpPorts)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config"), Config(options, sipPort, controlPort, rtpPorts));
        File.WriteAllText(Path.Combine(directory, "accounts"), "");
        File.WriteAllText(Path.Combine(directory, "contacts"), "");
    }

    public static string Config(BaresipOptions options, int sipPort, int controlPort, (int First, int Last) rtpPorts)
    {
        var config = new StringBuilder()
            .AppendLine("# Written by ContactCenter.TestPeers for one test; baresip -f <this directory>.")
            .AppendLine("poll_method\t\tepoll")
            .AppendLine(CultureInfo.InvariantCulture, $"sip_listen\t\t127.0.0.1:{sipPort}")
            // "lo" fails; the address works.
            .AppendLine("net_interface\t\t127.0.0.1")
            .AppendLine("call_local_timeout\t120")
            .AppendLine("call_max_calls\t\t4")
            // ausine in 1.0.0 only works at 48 kHz stereo.
            .AppendLine(CultureInfo.InvariantCulture, $"audio_source\t\tausine,{options.ToneFrequency}")
            .AppendLine("ausrc_srate\t\t48000")
            .AppendLine("ausrc_channels\t\t2")
            // No audio player module on purpose: "alsa,null" burns a core per call, and RTP is still
            // received without one. No stdio.so either: at stdin EOF it spins at 100 %.
            .AppendLine(CultureInfo.InvariantCulture, $"rtp_ports\t\t{rtpPorts.First}-{rtpPorts.Last}")
            .AppendLine(CultureInfo.InvariantCulture, $"module_path\t\t{PeerAvailability.BaresipModulePath}")
            .AppendLine("module\t\t\tg711.so")
            .AppendLine("module\t\t\tausine.so")
            .AppendLine("module_app\t\taccount.so")
            .AppendLine("module_app\t\tmenu.so")
            .AppendLine("module_app\t\tctrl_tcp.so")
            .AppendLine(CultureInfo.InvariantCulture, $"ctrl_tcp_listen\t\t127.0.0.1:{controlPort}");
        foreach (var line in options.ExtraConfigLines)
        {
            RejectLineBreaks(line, nameof(options.ExtraConfigLines));
            config.AppendLine(line);
        }
        return config.ToString();
    }

    /// <summary>
    /// <c>"Name" &lt;sip:user@host:port;transport=udp&gt;;auth_user=…;auth_pass=…;answermode=…;regint=…;audio_codecs=…</c>
    /// </summary>
    public static string AccountLine(BaresipOptions options)
    {
        RequireToken(options.User, nameof(options.User));
        RequireToken(options.Registrar, nameof(options.Registrar));
        var transport = options.Transport == PeerTransport.Tcp ? "tcp" : "udp";
        var line = new StringBuilder();
        if (options.DisplayName is not null)
        {
            if (options.DisplayName.Any(c => c is '"' or '\\' || char.IsControl(c)))
            {
                throw new ArgumentException("The display name must not hold quotes, backslashes or control characters.", nameof(options));
            }
            line.Append('"').Append(options.DisplayName).Append("\" ");
        }
        line.Append(CultureInfo.InvariantCulture, $"<sip:{options.User}@{options.Registrar};transport={transport}>");
        if (options.Password is not null)
        {
            RequireToken(options.AuthUser ?? options.User, nameof(options.AuthUser));
            RequireToken(options.Password, nameof(options.Password));
            line.Append(";auth_user=").Append(options.AuthUser ?? options.User)
                .Append(";auth_pass=").Append(options.Password);
        }
        ArgumentOutOfRangeException.ThrowIfNegative(options.RegistrationInterval);
        if (string.IsNullOrEmpty(options.AudioCodecs) || options.AudioCodecs.Any(c => c is ';' or '>' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException("AudioCodecs is a comma-separated list such as PCMU,PCMA.", nameof(options));
        }
        line.Append(";answermode=").Append(options.AnswerMode.ToString().ToLowerInvariant())
            .Append(CultureInfo.InvariantCulture, $";regint={options.RegistrationInterval}")
            .Append(";audio_codecs=").Append(options.AudioCodecs);
        foreach (var parameter in options.ExtraAccountParameters)
        {
            RejectLineBreaks(parameter, nameof(options.ExtraAccountParameters));
            line.Append(';').Append(parameter);
        }
        return line.ToString();
    }

    // The account line is ';'-separated and '<…>'-delimited: such characters would change its meaning.
    private static void RequireToken(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => c is ';' or '<' or '>' or '"' or ',' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"{name} must be non-empty, without ; < > \" , or spaces: '{value}'.", name);
        }
    }

    private static void RejectLineBreaks(string value, string name)
    {
        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException($"{name} must not contain line breaks.", name);
        }
    }
}
