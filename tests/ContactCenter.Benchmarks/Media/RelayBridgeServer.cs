using System.Net;
using System.Text;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Two PCMU legs bridged on the cheap path: phone A → leg 1 → bridge → leg 2 → phone B.</summary>
internal static class RelayBridgeServer
{
    public static async Task RunAsync(int rtpPort, int phoneA, int phoneB, TimeSpan duration, TimeSpan warmup, bool dedicatedThreads = false)
    {
        using var engine = new MediaEngine(new MediaEngineOptions
        {
            Ports = new RtpPortAllocatorOptions
            {
                BindAddress = IPAddress.Loopback, MinPort = rtpPort, MaxPort = rtpPort + 3,
                ReceiveBufferSize = 1 << 20, SendBufferSize = 1 << 20,
            },
            Endpoint = new RtpEndpointOptions { DedicatedReceiveThreads = dedicatedThreads },
        });
        var leg1 = engine.CreateLeg().Leg ?? throw new InvalidOperationException("no ports");
        var leg2 = engine.CreateLeg().Leg ?? throw new InvalidOperationException("no ports");
        Require(leg1.AcceptOffer(Offer(phoneA)));
        Require(leg2.AcceptOffer(Offer(phoneB)));
        var bridge = leg1.BridgeWith(leg2);
        Console.WriteLine($"relay legs on {leg1.RtpPort} and {leg2.RtpPort}");
        await RelayEchoServer.Measure("relay", () => bridge.FirstToSecond.Relayed, duration, warmup);
        Console.WriteLine($"leg 1 {leg1.Endpoint.Counters}");
        Console.WriteLine($"leg 2 {leg2.Endpoint.Counters}");
    }

    private static void Require(MediaNegotiation negotiation)
    {
        if (!negotiation.IsSuccess)
        {
            throw new InvalidOperationException(negotiation.ToString());
        }
    }

    private static byte[] Offer(int port) => Encoding.ASCII.GetBytes(
        $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n");
}
