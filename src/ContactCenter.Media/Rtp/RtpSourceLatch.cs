using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// Symmetric RTP latching for NAT traversal: the remote address is learned from the first valid packet (a negotiated
/// payload type) and all media is sent there, whatever the SDP said. Packets from other addresses are ignored and
/// counted. A mid-call address change (NAT rebinding) moves the latch only after
/// <see cref="RtpLatchOptions.RelatchAfterPackets"/> consecutive packets from the new address, so a single spoofed
/// packet cannot hijack the stream while the genuine peer keeps sending.
/// </summary>
/// <remarks>
/// <see cref="Evaluate"/> runs on the socket's receive loop and allocates only when the latch moves. The send side may
/// read <see cref="RemoteEndPoint"/>/<see cref="RemoteAddress"/> from another thread: both are published together as
/// an immutable pair.
/// </remarks>
public sealed class RtpSourceLatch
{
    private const int MaxSocketAddressSize = 28;

    private readonly RtpLatchOptions _options;
    private readonly SocketAddress _candidate = new(AddressFamily.InterNetworkV6, MaxSocketAddressSize);
    private volatile Remote? _remote;
    private bool _latched;
    private int _candidateCount;

    /// <summary>Creates a latch; before the first valid packet, media goes to <paramref name="signaledRemote"/> if given.</summary>
    public RtpSourceLatch(RtpLatchOptions? options = null, IPEndPoint? signaledRemote = null)
    {
        _options = options ?? new RtpLatchOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(_options.RelatchAfterPackets);
        if (signaledRemote is not null)
        {
            _remote = new Remote(signaledRemote.Serialize(), signaledRemote);
        }
    }

    /// <summary>True once a packet has latched the remote address.</summary>
    public bool IsLatched => _latched;

    /// <summary>Where to send: the latched address, else the signaled one, else null.</summary>
    public IPEndPoint? RemoteEndPoint => _remote?.EndPoint;

    /// <summary>The same destination as <see cref="RemoteEndPoint"/> for the allocation-free socket overloads. Do not modify it.</summary>
    public SocketAddress? RemoteAddress => _remote?.Address;

    /// <summary>Packets ignored because they came from an address other than the latched one.</summary>
    public long IgnoredForeignPackets { get; private set; }

    /// <summary>Packets ignored because their payload type was not negotiated.</summary>
    public long IgnoredPayloadTypePackets { get; private set; }

    /// <summary>Times the latch moved to a new address.</summary>
    public int Relatches { get; private set; }

    /// <summary>
    /// Forgets the learned address and goes back to <paramref name="signaledRemote"/> (a re-INVITE moved the peer).
    /// The next valid packet latches again.
    /// </summary>
    public void Reset(IPEndPoint? signaledRemote)
    {
        _latched = false;
        _candidateCount = 0;
        _remote = signaledRemote is null ? null : new Remote(signaledRemote.Serialize(), signaledRemote);
    }

    /// <summary>Decides whether a packet from <paramref name="source"/> with <paramref name="payloadType"/> is media to process.</summary>
    public RtpLatchDecision Evaluate(SocketAddress source, int payloadType)
    {
        ArgumentNullException.ThrowIfNull(source);
        var validType = _options.ExpectedPayloadTypes.Contains(payloadType);
        if (!_latched)
        {
            if (!validType)
            {
                IgnoredPayloadTypePackets++;
                return RtpLatchDecision.IgnoredUnexpectedPayloadType;
            }

            LatchTo(source);
            return RtpLatchDecision.Latched;
        }

        if (SameAddress(source, _remote!.Address))
        {
            _candidateCount = 0;
            if (!validType)
            {
                IgnoredPayloadTypePackets++;
                return RtpLatchDecision.IgnoredUnexpectedPayloadType;
            }

            return RtpLatchDecision.Accepted;
        }

        if (!validType)
        {
            IgnoredPayloadTypePackets++;
            return RtpLatchDecision.IgnoredUnexpectedPayloadType;
        }

        if (_options.RelatchAfterPackets > 0 && CountCandidate(source) >= _options.RelatchAfterPackets)
        {
            LatchTo(source);
            Relatches++;
            return RtpLatchDecision.Relatched;
        }

        IgnoredForeignPackets++;
        return RtpLatchDecision.IgnoredForeignSource;
    }

    private int CountCandidate(SocketAddress source)
    {
        if (_candidateCount > 0 && SameAddress(source, _candidate))
        {
            return ++_candidateCount;
        }

        if (source.Size > MaxSocketAddressSize)
        {
            return 0;
        }

        // Copy into the preallocated buffer: a stream of spoofed packets from many addresses allocates nothing.
        _candidate.Size = source.Size;
        source.Buffer.Span[..source.Size].CopyTo(_candidate.Buffer.Span);
        _candidateCount = 1;
        return 1;
    }

    private void LatchTo(SocketAddress source)
    {
        var address = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(address.Buffer.Span);
        var template = source.Family == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        var endPoint = (IPEndPoint)template.Create(address);
        _remote = new Remote(address, endPoint);
        _latched = true;
        _candidateCount = 0;
    }

    // SocketAddress.Equals compares whole buffers, which differ in length between a preallocated buffer and an exact one.
    private static bool SameAddress(SocketAddress left, SocketAddress right) =>
        left.Size == right.Size && left.Buffer.Span[..left.Size].SequenceEqual(right.Buffer.Span[..right.Size]);

    private sealed record Remote(SocketAddress Address, IPEndPoint EndPoint);
}
