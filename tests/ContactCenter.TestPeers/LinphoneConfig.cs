using System.Globalization;
using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>
/// Writes a linphonerc after the verified pattern in shared/tooling/linphone: loopback only, UDP only (TCP and TLS
/// ports 0, or linphonec binds 5060/5061 and collides with anything there), one proxy and its digest credentials.
/// </summary>
internal static class LinphoneConfig
{
    public static string Write(string directory, LinphoneOptions options, int sipPort, (int First, int Last) rtpPorts)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "linphonerc");
        File.WriteAllText(path, Config(options, sipPort, rtpPorts));
        return path;
    }

    public static string Config(LinphoneOptions options, int sipPort, (int First, int Last) rtpPorts)
    {
        RequireToken(options.User, nameof(options.User));
        RequireToken(options.Registrar, nameof(options.Registrar));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RegistrationExpires, 1);
        var config = new StringBuilder()
            .AppendLine("# Written by ContactCenter.TestPeers for one test; linphonec -c <this file>.")
            .AppendLine("[sip]")
            .AppendLine(CultureInfo.InvariantCulture, $"sip_port={sipPort}")
            .AppendLine("sip_tcp_port=0")
            .AppendLine("sip_tls_port=0")
            .AppendLine("bind_address=127.0.0.1")
            .AppendLine("default_proxy=0")
            // Our own registrar is the only one: no "register on the Linphone account server" prompt.
            .AppendLine("register_only_when_network_is_up=0")
            .AppendLine()
            .AppendLine("[net]")
            .AppendLine("ipv6=0")
            .AppendLine("bind_address=127.0.0.1")
            .AppendLine()
            .AppendLine("[rtp]")
            .AppendLine(CultureInfo.InvariantCulture, $"audio_rtp_port={rtpPorts.First}-{rtpPorts.Last}")
            .AppendLine()
            .AppendLine("[sound]")
            .AppendLine("echocancellation=0")
            .AppendLine()
            .AppendLine("[proxy_0]")
            .AppendLine(CultureInfo.InvariantCulture, $"reg_proxy=<sip:{options.Registrar};transport=udp>")
            .AppendLine(CultureInfo.InvariantCulture, $"reg_identity=sip:{options.User}@{options.Registrar}")
            .AppendLine(CultureInfo.InvariantCulture, $"reg_expires={options.RegistrationExpires}")
            .AppendLine("reg_sendregister=1")
            .AppendLine();
        if (options.Password is not null)
        {
            RequireToken(options.Password, nameof(options.Password));
            config.AppendLine("[auth_info_0]")
                .AppendLine(CultureInfo.InvariantCulture, $"username={options.User}")
                .AppendLine(CultureInfo.InvariantCulture, $"passwd={options.Password}");
            if (options.Realm is not null)
            {
                RequireToken(options.Realm, nameof(options.Realm));
                config.AppendLine(CultureInfo.InvariantCulture, $"realm={options.Realm}");
            }
        }
        return config.ToString();
    }

    // An ini value ends at the line; a space or bracket in these would also break the SIP URIs built from them.
    private static void RequireToken(string value, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => c is '<' or '>' or '[' or ']' or '"' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"{name} must be non-empty, without < > [ ] \" or spaces: '{value}'.", name);
        }
    }
}
