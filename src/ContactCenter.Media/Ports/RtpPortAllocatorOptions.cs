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

    /// <summary>
    /// Keep a pair's sockets bound (and its receive loops running) after a leg gives it back, for the next leg: no
    /// socket/bind/close per call. Off: every lease binds new sockets and closes them when given back.
    /// </summary>
    public bool ReuseSockets { get; init; } = true;

    /// <summary>How long a pair given back rests before it is reused (its previous call's late packets are dropped meanwhile).</summary>
    public TimeSpan ReuseQuarantine { get; init; } = TimeSpan.FromSeconds(1);
}
