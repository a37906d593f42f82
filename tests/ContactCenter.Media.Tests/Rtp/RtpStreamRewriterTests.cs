using ContactCenter.Media.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpStreamRewriterTests
{
    private const uint OurSsrc = 0xC0FFEE;
    private const uint PeerA = 0xAAAA;
    private const uint PeerB = 0xBBBB;

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void FirstSource_StartsAtTheInitialValuesWithTheMarker()
    {
        var rewriter = NewRewriter(initialSequence: 500, initialTimestamp: 9000);

        var (status, header) = Send(rewriter, PeerA, sequence: 40_000, timestamp: 123_456);
        var (_, second) = Send(rewriter, PeerA, sequence: 40_001, timestamp: 123_616);

        Assert.Equal(RtpRewriteStatus.SourceSwitched, status);
        Assert.Equal(new RtpHeader(0, 500, 9000, OurSsrc, Marker: true), header);
        Assert.Equal(new RtpHeader(0, 501, 9160, OurSsrc, Marker: false), second);
    }

    [Fact]
    public void SourceSwitch_ContinuesSequenceAndTimestampByElapsedTime()
    {
        var rewriter = NewRewriter(initialSequence: 100, initialTimestamp: 1000);
        for (var i = 0; i < 10; i++)
        {
            Send(rewriter, PeerA, (ushort)(7 + i), (uint)(50_000 + (160 * i)));
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        // Last A packet left at ts 1000 + 9*160 = 2440, 20 ms ago; then 480 ms of silence (e.g. a transfer).
        _time.Advance(TimeSpan.FromMilliseconds(480));
        var (status, first) = Send(rewriter, PeerB, sequence: 60_000, timestamp: 7);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        var (_, second) = Send(rewriter, PeerB, sequence: 60_001, timestamp: 167);

        Assert.Equal(RtpRewriteStatus.SourceSwitched, status);
        Assert.Equal(new RtpHeader(0, 110, 2440 + 4000, OurSsrc, Marker: true), first);
        Assert.Equal(new RtpHeader(0, 111, 2440 + 4160, OurSsrc, Marker: false), second);
    }

    [Fact]
    public void WithinOneSource_GapsAndReorderingPassThrough()
    {
        var rewriter = NewRewriter(initialSequence: 65534, initialTimestamp: uint.MaxValue - 159);
        Send(rewriter, PeerA, 10, 0);
        var (_, afterGap) = Send(rewriter, PeerA, 13, 480);
        var (_, late) = Send(rewriter, PeerA, 12, 320);

        // 65534 + 3 wraps to 1; the timestamp wraps past zero as well.
        Assert.Equal((ushort)1, afterGap.SequenceNumber);
        Assert.Equal(320u, afterGap.Timestamp);
        Assert.Equal((ushort)0, late.SequenceNumber);
        Assert.Equal(160u, late.Timestamp);
        Assert.Equal((ushort)1, rewriter.HighestSequence);
    }

    [Fact]
    public void SwitchAfterSequenceWrap_NeverRepeatsASequenceNumber()
    {
        var rewriter = NewRewriter(initialSequence: 65530, initialTimestamp: 0);
        var sent = new HashSet<ushort>();
        for (var i = 0; i < 10; i++)
        {
            sent.Add(Send(rewriter, PeerA, (ushort)i, (uint)(i * 160)).Header.SequenceNumber);
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        for (var i = 0; i < 10; i++)
        {
            sent.Add(Send(rewriter, PeerB, (ushort)(30_000 + i), (uint)(i * 160)).Header.SequenceNumber);
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(20, sent.Count);
        Assert.Contains((ushort)65535, sent);
        Assert.Contains((ushort)13, sent);
    }

    [Fact]
    public void StragglerFromThePreviousSource_IsDroppedRightAfterTheSwitch()
    {
        var rewriter = NewRewriter(initialSequence: 1, initialTimestamp: 0);
        Send(rewriter, PeerA, 1, 0);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Send(rewriter, PeerB, 1, 0);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        var (status, _) = Send(rewriter, PeerA, 2, 160);

        Assert.Equal(RtpRewriteStatus.DroppedStaleSource, status);
        Assert.Equal(1, rewriter.DroppedStalePackets);
        Assert.Equal(RtpRewriteStatus.Rewritten, Send(rewriter, PeerB, 2, 160).Status);
    }

    [Fact]
    public void ReturnToThePreviousSourceLater_IsASwitch()
    {
        var rewriter = NewRewriter(initialSequence: 1, initialTimestamp: 0);
        Send(rewriter, PeerA, 1, 0);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Send(rewriter, PeerB, 1, 0);
        _time.Advance(TimeSpan.FromSeconds(3));

        var (status, header) = Send(rewriter, PeerA, 500, 80_000);

        Assert.Equal(RtpRewriteStatus.SourceSwitched, status);
        Assert.Equal((ushort)3, header.SequenceNumber);
        Assert.True(header.Marker);
    }

    [Fact]
    public void ExplicitSwitch_WithTheSameSsrc_RecomputesOffsets()
    {
        var rewriter = NewRewriter(initialSequence: 1, initialTimestamp: 0);
        Send(rewriter, PeerA, 100, 16_000);
        _time.Advance(TimeSpan.FromMilliseconds(20));

        rewriter.SwitchSource();
        var (status, header) = Send(rewriter, PeerA, 5, 3);

        Assert.Equal(RtpRewriteStatus.SourceSwitched, status);
        Assert.Equal(new RtpHeader(0, 2, 160, OurSsrc, Marker: true), header);
    }

    [Fact]
    public void InPlaceRewrite_ChangesOnlyTheHeaderFields()
    {
        var rewriter = NewRewriter(initialSequence: 42, initialTimestamp: 4200);
        var buffer = new byte[12 + 4 + 3];
        var writer = new RtpPacketWriter(buffer);
        writer.TryWriteHeader(new RtpHeader(8, 9, 10, PeerA));
        writer.TryAddCsrc(0x1234);
        writer.TryWritePayload([7, 8, 9]);

        Assert.Equal(RtpRewriteStatus.SourceSwitched, rewriter.Rewrite(buffer, _time.GetTimestamp()));

        RtpPacket.TryParse(buffer, out var packet);
        Assert.Equal(new RtpHeader(8, 42, 4200, OurSsrc, Marker: true), RtpHeader.From(packet));
        Assert.Equal(0x1234u, packet.GetCsrc(0));
        Assert.Equal(new byte[] { 7, 8, 9 }, packet.Payload.ToArray());
    }

    [Fact]
    public void MalformedPacket_IsLeftUntouched()
    {
        var rewriter = NewRewriter(initialSequence: 1, initialTimestamp: 0);
        byte[] shortPacket = [0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
        byte[] wrongVersion = [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];
        var before = (byte[])wrongVersion.Clone();

        Assert.Equal(RtpRewriteStatus.DroppedMalformed, rewriter.Rewrite(shortPacket));
        Assert.Equal(RtpRewriteStatus.DroppedMalformed, rewriter.Rewrite(wrongVersion));
        Assert.Equal(before, wrongVersion);
    }

    private RtpStreamRewriter NewRewriter(ushort initialSequence, uint initialTimestamp) =>
        new(OurSsrc, 8000, initialSequence, initialTimestamp, _time);

    private (RtpRewriteStatus Status, RtpHeader Header) Send(RtpStreamRewriter rewriter, uint ssrc, ushort sequence, uint timestamp)
    {
        var header = new RtpHeader(0, sequence, timestamp, ssrc);
        var status = rewriter.Rewrite(ref header, _time.GetTimestamp());
        return (status, header);
    }
}
