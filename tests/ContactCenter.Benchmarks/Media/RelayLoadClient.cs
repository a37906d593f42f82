using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// The load generator: keeps <c>inflight</c> 172-octet RTP datagrams (G.711 20 ms) outstanding from one socket to the
/// target and counts what comes back on the receiving socket (the same socket for the echo). Tops the window up when
/// nothing arrived for 20 ms (checked by a second task), so a lost datagram cannot stall it.
/// </summary>
internal static class RelayLoadClient
{
    public static async Task RunAsync(int sendFrom, int sendTo, int receiveOn, int inflight, TimeSpan duration)
    {
        using var sender = Bind(sendFrom);
        using var receiver = receiveOn == sendFrom ? null : Bind(receiveOn);
        var receiving = receiver ?? sender;
        var target = new IPEndPoint(IPAddress.Loopback, sendTo).Serialize();
        var packet = new byte[172];
        ushort sequence = 0;
        var payload = new byte[160];
        var sendGate = new Lock();
        void SendOne()
        {
            lock (sendGate)
            {
                RtpPacketWriter.TryWrite(packet, new RtpHeader(0, sequence, sequence * 160u, 0x5EED), payload, out _);
                sequence++;
                sender.SendTo(packet, SocketFlags.None, target);
            }
        }

        for (var i = 0; i < inflight; i++)
        {
            SendOne();
        }

        var buffer = new byte[2048];
        var source = new SocketAddress(AddressFamily.InterNetwork);
        long received = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var topUp = Task.Run(async () =>
        {
            long seen = -1;
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(20);
                var now = Interlocked.Read(ref received);
                if (now == seen)
                {
                    for (var i = 0; i < inflight; i++)
                    {
                        SendOne();
                    }
                }

                seen = now;
            }
        });
        try
        {
            while (true)
            {
                await receiving.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, source, stop.Token);
                Interlocked.Increment(ref received);
                SendOne();
            }
        }
        catch (OperationCanceledException)
        {
        }

        await topUp;
        Console.WriteLine($"client: {received / clock.Elapsed.TotalSeconds:F0} datagrams/s back, in flight {inflight}");
    }

    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20, SendBufferSize = 1 << 20 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }
}
