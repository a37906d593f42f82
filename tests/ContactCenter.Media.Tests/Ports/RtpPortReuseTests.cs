using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Ports;

namespace ContactCenter.Media.Tests.Ports;

/// <summary>Pairs given back keep their sockets for the next leg, rest first, and never deliver to a former holder.</summary>
public sealed class RtpPortReuseTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public void APairGivenBack_RestsWhileAnotherCanBeBound_ThenIsReusedWithTheSameSockets()
    {
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 2) with { ReuseQuarantine = TimeSpan.FromMinutes(5) });
        var first = Allocate(allocator);
        var socket = first.RtpSocket;
        first.Dispose();
        Assert.Equal(1, allocator.Resting);
        Assert.True(socket.IsBound, "a resting pair keeps its socket bound");

        // The resting pair is not reused while the range has an unbound one.
        using var second = Allocate(allocator);
        Assert.NotEqual(first.RtpPort, second.RtpPort);

        // Nothing else left: the resting pair is taken early rather than refusing the leg, same sockets.
        using var third = Allocate(allocator);
        Assert.Equal(first.RtpPort, third.RtpPort);
        Assert.Same(socket, third.RtpSocket);
        Assert.Throws<ObjectDisposedException>(() => first.RtpSocket);
        Assert.Equal(2, allocator.Leased);
    }

    [Fact]
    public async Task APacketArrivingBetweenHolders_IsDropped_AndTheNextHolderGetsOnlyItsOwn()
    {
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 1) with { ReuseQuarantine = TimeSpan.Zero });
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        var lease = Allocate(allocator);
        var before = new RecordingHandler();
        lease.Attach(before, dedicatedThreads: false);
        peer.SendTo([1], lease.RtpEndPoint);
        Assert.Equal(1, await before.NextAsync());
        var endPoint = lease.RtpEndPoint;
        lease.Dispose();

        peer.SendTo([2], endPoint); // a late packet of the call that just ended
        using var next = Allocate(allocator);
        Assert.Equal(endPoint, next.RtpEndPoint);
        await WaitUntilAsync(() => DroppedUnheld(allocator, next) == 1);
        var after = new RecordingHandler();
        next.Attach(after, dedicatedThreads: false);
        peer.SendTo([3], next.RtpEndPoint);
        Assert.Equal(3, await after.NextAsync());
        Assert.True(after.Received.IsEmpty, "only the new holder's own packet");
        Assert.True(before.Received.IsEmpty, "the former holder gets nothing more");
    }

    [Fact]
    public async Task OnLinux_DatagramsComeThroughTheEpollReceiver_AndAClosedPairIsNoLongerRead()
    {
        if (!OperatingSystem.IsLinux()) return; // epoll is Linux only; elsewhere pairs use async receive loops
        var receiver = RtpEpollReceiver.Shared;
        Assert.NotNull(receiver);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        // Reuse off: every lease binds new sockets, so descriptor numbers are recycled between the two pairs.
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 2) with { ReuseSockets = false });
        for (var round = 0; round < 3; round++)
        {
            var lease = Allocate(allocator);
            var handler = new RecordingHandler();
            lease.Attach(handler, dedicatedThreads: false);
            var before = receiver!.Received;
            peer.SendTo([(byte)round], lease.RtpEndPoint);
            peer.SendTo([(byte)(round + 100)], lease.RtcpEndPoint);
            Assert.Equal((byte)round, await handler.NextAsync());
            Assert.Equal((byte)(round + 100), await handler.NextAsync());
            Assert.True(receiver.Received >= before + 2, "delivered by the epoll receiver");
            lease.Dispose();
        }
    }

    [Fact]
    public void WithReuseOff_AGivenBackPairIsClosed_AndItsPortIsFreeForAnyone()
    {
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 1) with { ReuseSockets = false });
        var lease = Allocate(allocator);
        var port = lease.RtpPort;
        lease.Dispose();
        Assert.Equal(0, allocator.Resting);
        using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        other.Bind(new IPEndPoint(IPAddress.Loopback, port));
    }

    [Fact]
    public void DisposingTheAllocator_ClosesRestingPairs_AndPairsGivenBackLater()
    {
        var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 2));
        var resting = Allocate(allocator);
        var held = Allocate(allocator);
        resting.Dispose();
        allocator.Dispose();
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, resting.RtpPort));
        }

        var heldPort = held.RtpPort;
        held.Dispose();
        using var probe2 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe2.Bind(new IPEndPoint(IPAddress.Loopback, heldPort));
        Assert.Throws<ObjectDisposedException>(() => allocator.TryAllocate());
    }

    private static long DroppedUnheld(RtpPortAllocator allocator, RtpPortLease lease) => lease.DroppedWhileUnheld;

    private static RtpPortLease Allocate(RtpPortAllocator allocator)
    {
        var result = allocator.TryAllocate();
        Assert.True(result.Succeeded, result.Error.ToString());
        return result.Lease!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingHandler : IRtpDatagramHandler
    {
        public ConcurrentQueue<byte> Received { get; } = new();

        private readonly SemaphoreSlim _signal = new(0);

        public void OnDatagram(Span<byte> datagram, SocketAddress source, bool onRtcpSocket)
        {
            Received.Enqueue(datagram[0]);
            _signal.Release();
        }

        public async Task<byte> NextAsync()
        {
            Assert.True(await _signal.WaitAsync(Wait), "no datagram delivered");
            Assert.True(Received.TryDequeue(out var value));
            return value;
        }
    }
}
