using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Ports;

/// <summary>
/// Hands out RTP/RTCP port pairs (even RTP, next odd RTCP) from a configured range, each bound to real UDP sockets.
/// A pair whose ports another process holds is skipped; when no pair can be bound the result is
/// <see cref="RtpPortAllocationError.Exhausted"/>, and nothing leaks: a half-bound pair is closed before moving on.
/// Thread-safe: a pair is reserved under a lock before binding, so concurrent callers never get the same pair; binding
/// happens outside the lock. The search starts after the last pair handed out, so a just-released pair (whose late
/// packets may still be in flight) is reused last.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly RtpPortAllocatorOptions _options;
    private readonly int _firstPort;
    private readonly bool[] _reserved;
    private readonly Lock _gate = new();
    private int _nextPair;
    private int _leased;
    private long _busySkips;

    /// <summary>Creates an allocator over <paramref name="options"/>' range; throws on an invalid range.</summary>
    public RtpPortAllocator(RtpPortAllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BindAddress);
        if (options.MinPort is < 1 or > 65535 || options.MaxPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RTP ports must lie between 1 and 65535.");
        }

        _options = options;
        _firstPort = options.MinPort + (options.MinPort % 2);
        var pairs = (options.MaxPort - _firstPort + 1) / 2;
        if (pairs < 1)
        {
            throw new ArgumentException($"The RTP port range {options.MinPort}-{options.MaxPort} holds no even/odd pair.", nameof(options));
        }

        _reserved = new bool[pairs];
    }

    /// <summary>Number of pairs in the range.</summary>
    public int Capacity => _reserved.Length;

    /// <summary>Pairs currently leased.</summary>
    public int Leased => Volatile.Read(ref _leased);

    /// <summary>Pairs skipped because another process held one of their ports.</summary>
    public long BusySkips => Interlocked.Read(ref _busySkips);

    /// <summary>Binds the next free pair; a typed error when the range is exhausted or binding fails otherwise.</summary>
    public RtpPortAllocationResult TryAllocate()
    {
        int start;
        lock (_gate)
        {
            start = _nextPair;
        }

        // Each caller visits every pair once from its own starting point, so concurrent callers cannot make one
        // another miss a free pair.
        for (var i = 0; i < _reserved.Length; i++)
        {
            var pair = (start + i) % _reserved.Length;
            if (!TryReserve(pair))
            {
                continue;
            }

            var rtpPort = _firstPort + (2 * pair);
            var rtp = TryBind(rtpPort, out var error);
            var rtcp = rtp is null ? null : TryBind(rtpPort + 1, out error);
            if (rtp is not null && rtcp is not null)
            {
                Interlocked.Increment(ref _leased);
                return RtpPortAllocationResult.Success(new RtpPortLease(this, pair, rtp, rtcp));
            }

            rtp?.Dispose();
            Unreserve(pair);
            if (error is not (SocketError.AddressAlreadyInUse or SocketError.AccessDenied))
            {
                return RtpPortAllocationResult.Failure(RtpPortAllocationError.BindFailed, error);
            }

            Interlocked.Increment(ref _busySkips);
        }

        return RtpPortAllocationResult.Failure(RtpPortAllocationError.Exhausted);
    }

    internal void Release(int pair)
    {
        Unreserve(pair);
        Interlocked.Decrement(ref _leased);
    }

    private bool TryReserve(int pair)
    {
        lock (_gate)
        {
            if (_reserved[pair])
            {
                return false;
            }

            _reserved[pair] = true;
            _nextPair = (pair + 1) % _reserved.Length;
            return true;
        }
    }

    private void Unreserve(int pair)
    {
        lock (_gate)
        {
            _reserved[pair] = false;
        }
    }

    private Socket? TryBind(int port, out SocketError error)
    {
        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (_options.ReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _options.ReceiveBufferSize;
            }

            if (_options.SendBufferSize > 0)
            {
                socket.SendBufferSize = _options.SendBufferSize;
            }

            socket.Bind(new IPEndPoint(_options.BindAddress, port));
            error = SocketError.Success;
            return socket;
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            error = exception.SocketErrorCode;
            return null;
        }
    }
}
