using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Telephony.Calls;

/// <summary>Our Via sent-by and Contact on the socket a leg uses (the one its peer reached us on).</summary>
internal static class SipAddresses
{
    public static string Via(SipTransportKind transport, IPEndPoint? local) =>
        $"SIP/2.0/{(transport == SipTransportKind.Tcp ? "TCP" : "UDP")} {HostPort(local)}";

    public static string Contact(string user, SipTransportKind transport, IPEndPoint? local) =>
        $"<sip:{user}@{HostPort(local)}{(transport == SipTransportKind.Tcp ? ";transport=tcp" : "")}>";

    private static string HostPort(IPEndPoint? local)
    {
        if (local is null) return "127.0.0.1";
        var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
        return $"{host}:{local.Port}";
    }
}
