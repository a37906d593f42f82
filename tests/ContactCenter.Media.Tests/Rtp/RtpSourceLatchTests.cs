using System.Net;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpSourceLatchTests
{
    private static readonly RtpPayloadTypeSet Negotiated = RtpPayloadTypeSet.Of(0, 8, 101);
    private static readonly IPEndPoint Signaled = new(IPAddress.Parse("192.0.2.10"), 30000);
    private static readonly IPEndPoint Peer = new(IPAddress.Parse("198.51.100.7"), 41000);
    private static readonly IPEndPoint Rebound = new(IPAddress.Parse("198.51.100.7"), 52000);
    private static readonly IPEndPoint Attacker = new(IPAddress.Parse("203.0.113.66"), 41000);

    [Fact]
    public void BeforeLatching_SendsToTheSignaledAddress()
    {
        var latch = new RtpSourceLatch(Options(), Signaled);

        Assert.False(latch.IsLatched);
        Assert.Equal(Signaled, latch.RemoteEndPoint);
        Assert.Equal(Signaled.Serialize(), latch.RemoteAddress);
        Assert.Null(new RtpSourceLatch(Options()).RemoteEndPoint);
    }

    [Fact]
    public void FirstValidPacket_LatchesItsSourceWhateverTheSdpSaid()
    {
        var latch = new RtpSourceLatch(Options(), Signaled);

        Assert.Equal(RtpLatchDecision.Latched, latch.Evaluate(Peer.Serialize(), 8));
        Assert.True(latch.IsLatched);
        Assert.Equal(Peer, latch.RemoteEndPoint);
        Assert.Equal(RtpLatchDecision.Accepted, latch.Evaluate(Peer.Serialize(), 101));
    }

    [Fact]
    public void UnexpectedPayloadType_NeverLatches()
    {
        var latch = new RtpSourceLatch(Options());

        Assert.Equal(RtpLatchDecision.IgnoredUnexpectedPayloadType, latch.Evaluate(Attacker.Serialize(), 18));
        Assert.False(latch.IsLatched);
        Assert.Equal(RtpLatchDecision.Latched, latch.Evaluate(Peer.Serialize(), 0));
        Assert.Equal(1, latch.IgnoredPayloadTypePackets);
    }

    [Fact]
    public void SpoofedPacketsAfterLatching_AreIgnoredAndCounted()
    {
        var latch = new RtpSourceLatch(Options(relatchAfter: 5));
        latch.Evaluate(Peer.Serialize(), 0);

        // The spoofer sends more than the threshold in total, but the genuine peer keeps interleaving its packets.
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(RtpLatchDecision.IgnoredForeignSource, latch.Evaluate(Attacker.Serialize(), 0));
            if (i % 4 == 3)
            {
                Assert.Equal(RtpLatchDecision.Accepted, latch.Evaluate(Peer.Serialize(), 0));
            }
        }

        Assert.Equal(Peer, latch.RemoteEndPoint);
        Assert.Equal(50, latch.IgnoredForeignPackets);
        Assert.Equal(0, latch.Relatches);
    }

    [Fact]
    public void NatRebinding_MovesTheLatchAfterNConsecutivePackets()
    {
        var latch = new RtpSourceLatch(Options(relatchAfter: 5));
        latch.Evaluate(Peer.Serialize(), 0);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(RtpLatchDecision.IgnoredForeignSource, latch.Evaluate(Rebound.Serialize(), 0));
            Assert.Equal(Peer, latch.RemoteEndPoint);
        }

        Assert.Equal(RtpLatchDecision.Relatched, latch.Evaluate(Rebound.Serialize(), 0));
        Assert.Equal(Rebound, latch.RemoteEndPoint);
        Assert.Equal(1, latch.Relatches);
        Assert.Equal(RtpLatchDecision.IgnoredForeignSource, latch.Evaluate(Peer.Serialize(), 0));
    }

    [Fact]
    public void AlternatingForeignSources_NeverAccumulate()
    {
        var latch = new RtpSourceLatch(Options(relatchAfter: 3));
        latch.Evaluate(Peer.Serialize(), 0);

        for (var i = 0; i < 20; i++)
        {
            latch.Evaluate((i % 2 == 0 ? Attacker : Rebound).Serialize(), 0);
        }

        Assert.Equal(Peer, latch.RemoteEndPoint);
    }

    [Fact]
    public void ForeignPacketsWithWrongPayloadType_DoNotCountTowardsRelatching()
    {
        var latch = new RtpSourceLatch(Options(relatchAfter: 2));
        latch.Evaluate(Peer.Serialize(), 0);

        latch.Evaluate(Rebound.Serialize(), 0);
        Assert.Equal(RtpLatchDecision.IgnoredUnexpectedPayloadType, latch.Evaluate(Rebound.Serialize(), 77));
        Assert.Equal(RtpLatchDecision.Relatched, latch.Evaluate(Rebound.Serialize(), 0));
    }

    [Fact]
    public void RelatchingDisabled_KeepsTheFirstSourceForever()
    {
        var latch = new RtpSourceLatch(Options(relatchAfter: 0));
        latch.Evaluate(Peer.Serialize(), 0);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(RtpLatchDecision.IgnoredForeignSource, latch.Evaluate(Rebound.Serialize(), 0));
        }

        Assert.Equal(Peer, latch.RemoteEndPoint);
    }

    [Fact]
    public void Reset_ReturnsToTheNewSignaledAddressAndLatchesAgain()
    {
        var latch = new RtpSourceLatch(Options(), Signaled);
        latch.Evaluate(Peer.Serialize(), 0);

        latch.Reset(Rebound);

        Assert.False(latch.IsLatched);
        Assert.Equal(Rebound, latch.RemoteEndPoint);
        Assert.Equal(RtpLatchDecision.Latched, latch.Evaluate(Attacker.Serialize(), 8));
    }

    [Fact]
    public void Ipv6Sources_LatchToo()
    {
        var latch = new RtpSourceLatch(Options());
        var peer = new IPEndPoint(IPAddress.Parse("2001:db8::7"), 40000);

        Assert.Equal(RtpLatchDecision.Latched, latch.Evaluate(peer.Serialize(), 0));
        Assert.Equal(peer, latch.RemoteEndPoint);
        Assert.Equal(RtpLatchDecision.Accepted, latch.Evaluate(peer.Serialize(), 0));
    }

    [Fact]
    public void PayloadTypeSet_HoldsExactlyItsMembers()
    {
        var set = RtpPayloadTypeSet.Of(0, 63, 64, 127, 128, -1);

        Assert.True(set.Contains(0) && set.Contains(63) && set.Contains(64) && set.Contains(127));
        Assert.False(set.Contains(1) || set.Contains(65) || set.Contains(128) || set.Contains(-1));
        Assert.True(RtpPayloadTypeSet.None.IsEmpty);
        Assert.True(RtpPayloadTypeSet.All.Contains(99));
    }

    private static RtpLatchOptions Options(int relatchAfter = RtpLatchOptions.DefaultRelatchAfterPackets) =>
        new() { ExpectedPayloadTypes = Negotiated, RelatchAfterPackets = relatchAfter };
}
