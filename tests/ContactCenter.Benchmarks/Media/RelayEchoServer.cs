using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Benchmarks.Media;

/// <summary>The TOOLING.md baseline: one socket, SocketAddress overloads, one pinned buffer, echo every datagram back.</summary>
internal static class RelayEchoServer
{
    public static async Task RunAsync(int port, TimeSpan duration, TimeSpan warmup, bool dedicatedThread = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20, SendBufferSize = 1 << 20 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        long echoed = 0;
        if (dedicatedThread)
        {
            // The same echo with a blocking receive on its own thread (what RtpEndpointOptions.DedicatedReceiveThreads does).
            var thread = new Thread(() =>
            {
                var buffer = GC.AllocateArray<byte>(2048, pinned: true);
                var source = new SocketAddress(AddressFamily.InterNetwork);
                try
                {
                    while (true)
                    {
                        int received = socket.ReceiveFrom(buffer, SocketFlags.None, source);
                        socket.SendTo(buffer.AsSpan(0, received), SocketFlags.None, source);
                        Interlocked.Increment(ref echoed);
                    }
                }
                catch (Exception)
                {
                    // The socket was closed: the measurement is over.
                }
            }) { IsBackground = true, Name = "echo-rx" };
            thread.Start();
            await Measure("echo", () => Interlocked.Read(ref echoed), duration, warmup);
            socket.Dispose();
            thread.Join();
            return;
        }

        var loop = Task.Run(async () =>
        {
            var buffer = GC.AllocateArray<byte>(2048, pinned: true);
            var source = new SocketAddress(AddressFamily.InterNetwork);
            while (true)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, source);
                }
                catch (Exception)
                {
                    return;
                }

                socket.SendTo(buffer.AsSpan(0, received), SocketFlags.None, source);
                Interlocked.Increment(ref echoed);
            }
        });

        await Measure("echo", () => Interlocked.Read(ref echoed), duration, warmup);
        socket.Dispose();
        await loop;
    }

    internal static async Task Measure(string what, Func<long> packets, TimeSpan duration, TimeSpan warmup)
    {
        await Task.Delay(warmup);
        using var process = Process.GetCurrentProcess();
        var startPackets = packets();
        var startCpu = process.TotalProcessorTime;
        var startAllocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration - warmup);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - startAllocated;
        process.Refresh();
        RelayHarness.Report(what, clock.Elapsed.TotalSeconds, packets() - startPackets, process.TotalProcessorTime - startCpu, allocated);
    }
}
