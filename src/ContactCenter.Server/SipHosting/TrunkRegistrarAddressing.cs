using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// What a trunk's REGISTER says about where we are and where it goes: the AOR (From/To), the Request-URI, the Contact
/// and Via sent-by built from the profile's listener of the trunk's transport.
/// </summary>
internal static class TrunkRegistrarAddressing
{
    public static SipTransportKind TransportOf(TrunkOutboundConfig outbound) =>
        outbound.Transport == TrunkTransport.Tcp ? SipTransportKind.Tcp : SipTransportKind.Udp;

    /// <summary>
    /// The listener of <paramref name="transport"/> in the destination's address family; null when the profile has none
    /// (the REGISTER would leave from a socket the provider cannot answer to).
    /// </summary>
    public static SipListenEndpoint? FindListener(IReadOnlyList<SipListenEndpoint> listeners, SipTransportKind transport, IPEndPoint destination) =>
        listeners.FirstOrDefault(l => l.Transport == transport && l.EndPoint.AddressFamily == destination.AddressFamily);

    /// <summary>
    /// The address the provider can reach us at: the listener's own, or for a wildcard listener (0.0.0.0, ::) the local
    /// address the kernel routes to the provider from (a connected UDP socket sends nothing).
    /// </summary>
    public static IPAddress LocalAddressFor(SipListenEndpoint listener, IPEndPoint destination)
    {
        var address = listener.EndPoint.Address;
        if (!address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)) return address;
        using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(destination);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    public static OutboundRegistrationOptions Options(Trunk trunk, SipDestination destination, IPEndPoint local,
        TrunkRegistrationSettings settings)
    {
        var outbound = trunk.Outbound!;
        string user = outbound.FromUser ?? outbound.Username!;
        string transportParameter = destination.Transport == SipTransportKind.Tcp ? ";transport=tcp" : "";
        string registrarHost = UriHost(outbound.Host);
        string sentBy = $"{UriHost(local.Address.ToString())}:{local.Port}";
        return new OutboundRegistrationOptions
        {
            Aor = $"sip:{user}@{UriHost(outbound.FromDomain ?? outbound.Host)}",
            RegistrarUri = $"sip:{registrarHost}{(outbound.Port == 5060 ? "" : $":{outbound.Port}")}{transportParameter}",
            Destination = destination,
            Contact = $"sip:{user}@{sentBy}{transportParameter}",
            ViaSentBy = sentBy,
            RequestedExpires = (int)outbound.RegisterExpires.TotalSeconds,
            RetryDelay = settings.RetryDelay,
            MaxRetryDelay = settings.MaxRetryDelay,
            UserAgent = settings.UserAgent,
        };
    }

    /// <summary>"udp:203.0.113.5:5060", for status and events.</summary>
    public static string Describe(SipDestination destination) =>
        $"{(destination.Transport == SipTransportKind.Tcp ? "tcp" : "udp")}:{destination.EndPoint}";

    /// <summary>An IPv6 literal goes in brackets in a SIP URI and in Via (RFC 3261 §25.1).</summary>
    private static string UriHost(string host) =>
        IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && !host.StartsWith('[')
            ? $"[{host}]"
            : host;
}
