using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Ports;

namespace ContactCenter.Media.Tests.Ports;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void Lease_BindsAnEvenRtpPortAndTheNextOddRtcpPort()
    {
        var options = TestPortRanges.Loopback(pairs: 2);
        using var allocator = new RtpPortAllocator(options);

        using var lease = Allocate(allocator);

        Assert.Equal(0, lease.RtpPort % 2);
        Assert.Equal(lease.RtpPort + 1, lease.RtcpPort);
        Assert.InRange(lease.RtpPort, options.MinPort, options.MaxPort - 1);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, lease.RtpPort), lease.RtpSocket.LocalEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, lease.RtcpPort), lease.RtcpSocket.LocalEndPoint);
        Assert.True(lease.RtpSocket.IsBound && lease.RtcpSocket.IsBound);
        Assert.Equal(1, allocator.Leased);
    }

    [Fact]
    public void WholeRange_ThenExhaustion_ThenReleaseAndReallocate()
    {
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 5));
        var leases = Enumerable.Range(0, 5).Select(_ => Allocate(allocator)).ToList();

        var exhausted = allocator.TryAllocate();

        Assert.False(exhausted.Succeeded);
        Assert.Equal(RtpPortAllocationError.Exhausted, exhausted.Error);
        Assert.Null(exhausted.Lease);
        Assert.Equal(5, leases.Select(l => l.RtpPort).Distinct().Count());

        var released = leases[2];
        released.Dispose();
        released.Dispose();
        Assert.True(released.IsDisposed);
        Assert.Equal(4, allocator.Leased);
        Assert.Throws<ObjectDisposedException>(() => released.RtpSocket.Send(new byte[1]));

        using var again = Allocate(allocator);
        Assert.Equal(released.RtpPort, again.RtpPort);
        Assert.False(allocator.TryAllocate().Succeeded);

        leases.ForEach(l => l.Dispose());
        Assert.Equal(1, allocator.Leased);
    }

    [Fact]
    public void PortHeldByAnotherSocket_IsSkipped()
    {
        var options = TestPortRanges.Loopback(pairs: 3);
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, options.MinPort + 1));
        using var allocator = new RtpPortAllocator(options);

        using var first = Allocate(allocator);
        using var second = Allocate(allocator);

        Assert.Equal(options.MinPort + 2, first.RtpPort);
        Assert.Equal(options.MinPort + 4, second.RtpPort);
        Assert.Equal(RtpPortAllocationError.Exhausted, allocator.TryAllocate().Error);
        Assert.True(allocator.BusySkips >= 1);
        Assert.Equal(2, allocator.Leased);
    }

    [Fact]
    public void ConcurrentAllocation_NeverHandsOutAPairTwice()
    {
        const int pairs = 24;
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs));
        var leases = new ConcurrentBag<RtpPortLease>();
        var failures = new ConcurrentBag<RtpPortAllocationError>();
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                var result = allocator.TryAllocate();
                if (result.Succeeded)
                {
                    leases.Add(result.Lease);
                }
                else
                {
                    failures.Add(result.Error);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));

        try
        {
            Assert.Equal(pairs, leases.Count);
            Assert.Equal(pairs, leases.Select(l => l.RtpPort).Distinct().Count());
            Assert.Equal(40 - pairs, failures.Count);
            Assert.All(failures, f => Assert.Equal(RtpPortAllocationError.Exhausted, f));
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }

        Assert.Equal(0, allocator.Leased);
    }

    [Fact]
    public void AllocateAndReleaseRepeatedly_LeaksNothing()
    {
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 2));
        for (var i = 0; i < 200; i++)
        {
            using var lease = Allocate(allocator);
        }

        Assert.Equal(0, allocator.Leased);
        using var a = Allocate(allocator);
        using var b = Allocate(allocator);
    }

    [Fact]
    public void AddressThatIsNotLocal_IsABindFailureNotExhaustion()
    {
        var options = TestPortRanges.Loopback(pairs: 2) with { BindAddress = IPAddress.Parse("192.0.2.1") };

        var result = new RtpPortAllocator(options).TryAllocate();

        Assert.Equal(RtpPortAllocationError.BindFailed, result.Error);
        Assert.Equal(SocketError.AddressNotAvailable, result.SocketError);
    }

    [Fact]
    public void OddMinimum_IsRoundedUp_AndEmptyRangesAreRejected()
    {
        using var allocator = new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 20001, MaxPort = 20006 });

        Assert.Equal(2, allocator.Capacity);
        Assert.Throws<ArgumentException>(() => new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 20001, MaxPort = 20002 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 0, MaxPort = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(new RtpPortAllocatorOptions { MinPort = 10, MaxPort = 70000 }));
    }

    private static RtpPortLease Allocate(RtpPortAllocator allocator)
    {
        var result = allocator.TryAllocate();
        Assert.True(result.Succeeded, $"allocation failed: {result.Error} {result.SocketError}");
        return result.Lease;
    }
}
