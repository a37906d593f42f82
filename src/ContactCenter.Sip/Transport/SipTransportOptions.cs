using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

public sealed record SipTransportOptions
{
    public IReadOnlyList<SipListenEndpoint> Listen { get; init; } = [];

    /// <summary>Largest accepted message; larger ones get 513 (streams) or are dropped (datagrams).</summary>
    public int MaxMessageSize { get; init; } = SipLimits.MaxMessageSize;

    /// <summary>
    /// Socket send/receive buffer size. The kernel's receive queue is the first wall under load: sipp→sipp loses calls
    /// above ~2,000 calls/s with default buffers and runs clean to ~20,000 with 1 MiB.
    /// </summary>
    public int SocketBufferBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Threads reading each UDP socket; one per core by default, since each parses and answers inline.</summary>
    public int UdpReceiveThreads { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Open TCP connections allowed at once; past it new ones are refused (bounded memory under attack).</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>Messages queued for one TCP connection before it is considered stuck and closed.</summary>
    public int ConnectionSendQueue { get; init; } = 1024;
}
