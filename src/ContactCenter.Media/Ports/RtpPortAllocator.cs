using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Ports;

/// <summary>
/// Hands out RTP/RTCP port pairs (even RTP, next odd RTCP) from a configured range, each bound to real UDP sockets.
/// A pair whose ports another process holds is skipped; when no pair can be bound the result is
/// <see cref="RtpPortAllocationError.Exhausted"/>, and nothing leaks: a half-bound pair is closed before moving on.
/// </summary>
/// <remarks>
/// With <see cref="RtpPortAllocatorOptions.ReuseSockets"/> (the default) a pair given back keeps its sockets bound and its
/// receive loops running, and is handed out again once it has rested <see cref="RtpPortAllocatorOptions.ReuseQuarantine"/>
/// (late packets of its previous call are dropped meanwhile, so they cannot latch the next call); new pairs are bound
/// while resting ones wait, and a resting pair is reused early only when the range has nothing else. The oldest pair
/// given back is reused first. Thread-safe: the bookkeeping is under a lock, binding happens outside it.
/// </remarks>
public sealed class RtpPortAllocator : IDisposable
{
    private readonly RtpPortAllocatorOptions _options;
    private readonly int _firstPort;
    private readonly bool[] _reserved;
    private readonly RtpPortPair?[] _bound;
    private readonly Queue<RtpPortPair> _resting = new();
    private readonly Lock _gate = new();
    private readonly long _quarantineMilliseconds;
    private int _nextPair;
    private int _unbound;
    private int _leased;
    private long _busySkips;
    private bool _disposed;

    /// <summary>Creates an allocator over <paramref name="options"/>' range; throws on an invalid range.</summary>
    public RtpPortAllocator(RtpPortAllocatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BindAddress);
        if (options.MinPort is < 1 or > 65535 || options.MaxPort is < 1 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RTP ports must lie between 1 and 65535.");
        }

        if (options.ReuseQuarantine < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The reuse quarantine cannot be negative.");
        }

        _options = options;
        _firstPort = options.MinPort + (options.MinPort % 2);
        var pairs = (options.MaxPort - _firstPort + 1) / 2;
        if (pairs < 1)
        {
            throw new ArgumentException($"The RTP port range {options.MinPort}-{options.MaxPort} holds no even/odd pair.", nameof(options));
        }

        _reserved = new bool[pairs];
        _bound = new RtpPortPair?[pairs];
        _unbound = pairs;
        _quarantineMilliseconds = (long)options.ReuseQuarantine.TotalMilliseconds;
    }

    /// <summary>Number of pairs in the range.</summary>
    public int Capacity => _reserved.Length;

    /// <summary>Pairs currently leased.</summary>
    public int Leased => Volatile.Read(ref _leased);

    /// <summary>Pairs given back and kept bound for reuse.</summary>
    public int Resting
    {
        get
        {
            lock (_gate)
            {
                return _resting.Count;
            }
        }
    }

    /// <summary>Pairs skipped because another process held one of their ports.</summary>
    public long BusySkips => Interlocked.Read(ref _busySkips);

    /// <summary>A free pair (a rested one, else a newly bound one); a typed error when the range is exhausted or binding fails.</summary>
    public RtpPortAllocationResult TryAllocate()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        if (TryTakeResting(rested: true) is { } rested)
        {
            return Lease(rested);
        }

        int start;
        lock (_gate)
        {
            start = _nextPair;
        }

        // Each caller visits every unbound pair once from its own starting point, so concurrent callers cannot make one
        // another miss a free pair.
        for (var i = 0; i < _reserved.Length && Volatile.Read(ref _unbound) > 0; i++)
        {
            var pair = (start + i) % _reserved.Length;
            if (Volatile.Read(ref _bound[pair]) is not null || !TryReserveUnbound(pair))
            {
                continue;
            }

            var rtpPort = _firstPort + (2 * pair);
            var rtp = TryBind(rtpPort, out var error);
            var rtcp = rtp is null ? null : TryBind(rtpPort + 1, out error);
            if (rtp is not null && rtcp is not null)
            {
                var bound = new RtpPortPair(pair, rtp, rtcp);
                lock (_gate)
                {
                    _bound[pair] = bound;
                    _unbound--;
                }

                return Lease(bound);
            }

            rtp?.Dispose();
            Unreserve(pair);
            if (error is not (SocketError.AddressAlreadyInUse or SocketError.AccessDenied))
            {
                return RtpPortAllocationResult.Failure(RtpPortAllocationError.BindFailed, error);
            }

            Interlocked.Increment(ref _busySkips);
        }

        // Nothing new could be bound: a pair still resting is better than refusing the call.
        return TryTakeResting(rested: false) is { } early ? Lease(early) : RtpPortAllocationResult.Failure(RtpPortAllocationError.Exhausted);
    }

    /// <summary>Closes the resting pairs; leased ones close when they are given back.</summary>
    public void Dispose()
    {
        RtpPortPair[] resting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            resting = [.. _resting];
            _resting.Clear();
            foreach (var pair in resting)
            {
                _bound[pair.Index] = null;
            }
        }

        foreach (var pair in resting)
        {
            pair.Close();
        }
    }

    internal void Release(RtpPortPair pair)
    {
        var close = !_options.ReuseSockets;
        lock (_gate)
        {
            _reserved[pair.Index] = false;
            close |= _disposed;
            if (close)
            {
                _bound[pair.Index] = null;
                _unbound++;
            }
            else
            {
                pair.ReleasedAt = Environment.TickCount64;
                _resting.Enqueue(pair);
            }
        }

        Interlocked.Decrement(ref _leased);
        if (close)
        {
            pair.Close();
        }
    }

    private RtpPortAllocationResult Lease(RtpPortPair pair)
    {
        Interlocked.Increment(ref _leased);
        return RtpPortAllocationResult.Success(new RtpPortLease(this, pair));
    }

    private RtpPortPair? TryTakeResting(bool rested)
    {
        lock (_gate)
        {
            if (!_resting.TryPeek(out var oldest)
                || (rested && Environment.TickCount64 - oldest.ReleasedAt < _quarantineMilliseconds))
            {
                return null;
            }

            _resting.Dequeue();
            _reserved[oldest.Index] = true;
            return oldest;
        }
    }

    private bool TryReserveUnbound(int pair)
    {
        lock (_gate)
        {
            if (_reserved[pair] || _bound[pair] is not null)
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
