using System.Net;

namespace ContactCenter.Server.SipDirectory;

/// <summary>One socket a profile listens on.</summary>
public sealed class SipListenEndpoint
{
    /// <summary><c>udp</c> or <c>tcp</c> (lower-cased by the loader).</summary>
    public string Transport { get; set; } = "udp";

    /// <summary>Local IPv4 or IPv6 address; <c>0.0.0.0</c> or <c>::</c> for all.</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>Local port; 0 lets the operating system choose (useful in tests).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>The transport as an enum; only meaningful after the profile has been validated.</summary>
    public SipListenTransport Protocol =>
        string.Equals(Transport, "tcp", StringComparison.OrdinalIgnoreCase) ? SipListenTransport.Tcp : SipListenTransport.Udp;

    /// <summary>The socket address; only call after the profile has been validated.</summary>
    public IPEndPoint ToIPEndPoint() => new(IPAddress.Parse(Address), Port);

    public override string ToString() => $"{Transport}:{Address}:{Port}";
}
