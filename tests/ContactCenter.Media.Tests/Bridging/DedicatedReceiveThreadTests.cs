using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Tests.Endpoints;

namespace ContactCenter.Media.Tests.Bridging;

public sealed class DedicatedReceiveThreadTests
{
    [Fact]
    public async Task WithDedicatedReceiveThreads_TheBridgeRelays_AndDisposeEndsTheThreadsAndFreesThePorts()
    {
        using var harness = new MediaTestHarness(pairs: 2, endpoint: new RtpEndpointOptions { DedicatedReceiveThreads = true });
        using var phone1 = new UdpPhone();
        using var phone2 = new UdpPhone();
        var leg1 = harness.CreateLeg();
        var leg2 = harness.CreateLeg();
        Assert.True(leg1.AcceptOffer(phone1.Offer("0")).IsSuccess);
        Assert.True(leg2.AcceptOffer(phone2.Offer("0")).IsSuccess);
        leg1.BridgeWith(leg2);
        for (var i = 0; i < 10; i++)
        {
            var payload = BridgeLoopbackTests.Payload(i);
            phone1.SendRtp(leg1.Endpoint.LocalRtpEndPoint, new RtpHeader(0, (ushort)i, (uint)(i * 160), 0xAB), payload);
            var got = await phone2.ReceiveRtpAsync();
            Assert.Equal(payload, got.Payload);
            Assert.Equal(leg2.Endpoint.Ssrc, got.Header.Ssrc);
        }

        leg1.Dispose();
        leg2.Dispose();
        Assert.Equal(0, harness.Engine.PortsInUse);

        // The ports are really free: the same range serves two new legs.
        var again = harness.CreateLeg();
        var again2 = harness.CreateLeg();
        Assert.True(again.AcceptOffer(phone1.Offer("0")).IsSuccess);
        phone1.SendRtp(again.Endpoint.LocalRtpEndPoint, new RtpHeader(0, 1, 160, 0xCD), BridgeLoopbackTests.Payload(1));
        await MediaTestHarness.WaitUntilAsync(() => again.Endpoint.Counters.RtpReceived == 1, "a packet on the reused port");
        again.Dispose();
        again2.Dispose();
    }
}
