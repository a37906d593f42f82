using System.Net;

namespace ContactCenter.Media.Ports;

/// <summary>Where RTP/RTCP port pairs come from.</summary>
public sealed record RtpPortAllocatorOptions
{
    /// <summary>The local address the sockets bind to.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>Lowest port of the range (rounded up to even: RTP takes the even port, RTCP the next odd one).</summary>
    public int MinPort { get; init; } = 10000;

    /// <summary>Highest port of the range, inclusive.</summary>
    public int MaxPort { get; init; } = 20000;

    /// <summary>Socket receive buffer size in octets, or 0 for the system default.</summary>
    public int ReceiveBufferSize { get; init; }

    /// <summary>Socket send buffer size in octets, or 0 for the system default.</summary>
    public int SendBufferSize { get; init; }
}
