using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Quality;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Tests.Ports;

namespace ContactCenter.Media.Tests.Rtp;

/// <summary>Real UDP on loopback between two allocated port pairs: RTP both ways with latching, then an SR/RR exchange.</summary>
public sealed class RtpLoopbackTests
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RtpAndRtcp_FlowBetweenTwoAllocatedPairs()
    {
        using var allocator = new RtpPortAllocator(TestPortRanges.Loopback(pairs: 4));
        using var alice = Allocate(allocator);
        using var bob = Allocate(allocator);
        const uint aliceSsrc = 0xA11CE;
        const uint bobSsrc = 0xB0B;

        // Alice sends 50 packets of G.711 to Bob's RTP port, skipping sequence 20 to simulate a loss.
        var aliceSender = new RtpSenderStatistics(8000);
        var buffer = new byte[1500];
        for (ushort i = 0; i < 50; i++)
        {
            if (i == 20)
            {
                continue;
            }

            var payload = new byte[160];
            Array.Fill(payload, (byte)(0xD5 ^ i));
            RtpPacketWriter.TryWrite(buffer, new RtpHeader(8, (ushort)(65510 + i), i * 160u, aliceSsrc), payload, out var length);
            await alice.RtpSocket.SendToAsync(buffer.AsMemory(0, length), SocketFlags.None, bob.RtpEndPoint);
            aliceSender.RecordSent(payload.Length, i * 160u, TimeProvider.System.GetTimestamp());
        }

        var bobLatch = new RtpSourceLatch(new RtpLatchOptions { ExpectedPayloadTypes = RtpPayloadTypeSet.Of(8, 101) });
        var bobStats = new RtpReceiveStatistics(8000);
        var source = new SocketAddress(AddressFamily.InterNetwork);
        for (var received = 0; received < 49; received++)
        {
            var length = await ReceiveAsync(bob.RtpSocket, buffer, source);
            Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet));
            Assert.NotEqual(RtpLatchDecision.IgnoredForeignSource, bobLatch.Evaluate(source, packet.PayloadType));
            Assert.Equal((byte)(0xD5 ^ (ushort)(packet.SequenceNumber - 65510)), packet.Payload[0]);
            bobStats.Update(packet, TimeProvider.System.GetTimestamp());
        }

        Assert.Equal(alice.RtpEndPoint, bobLatch.RemoteEndPoint);
        Assert.Equal(49, bobStats.ExpectedPackets);
        Assert.Equal(1, bobStats.CumulativeLost);
        Assert.Equal(1u, bobStats.Cycles);

        // Bob answers to the latched address, with the allocation-free SocketAddress overload.
        RtpPacketWriter.TryWrite(buffer, new RtpHeader(8, 1, 0, bobSsrc, Marker: true), new byte[160], out var replyLength);
        await bob.RtpSocket.SendToAsync(buffer.AsMemory(0, replyLength), SocketFlags.None, bobLatch.RemoteAddress!);
        var aliceSource = new SocketAddress(AddressFamily.InterNetwork);
        var replyReceived = await ReceiveAsync(alice.RtpSocket, buffer, aliceSource);
        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(buffer.AsSpan(0, replyReceived), out var reply));
        Assert.Equal(bobSsrc, reply.Ssrc);
        Assert.Equal(bob.RtpEndPoint.Serialize(), aliceSource);

        // Alice sends an SR + SDES from her RTCP port; Bob records it and answers with an RR about Alice's stream.
        var senderInfo = aliceSender.CreateSenderInfo();
        var compound = new RtcpCompoundWriter(buffer);
        Assert.True(compound.TryWriteSenderReport(aliceSsrc, senderInfo, []));
        Assert.True(compound.TryWriteSourceDescription(aliceSsrc, "alice@loopback"u8));
        await alice.RtcpSocket.SendToAsync(buffer.AsMemory(0, compound.Length), SocketFlags.None, bob.RtcpEndPoint);

        var rtcpLength = await ReceiveAsync(bob.RtcpSocket, buffer, source);
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, rtcpLength), out var reader));
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(RtcpParseStatus.Ok, RtcpSenderReport.TryParse(first, out var sr));
        Assert.Equal(49u, sr.SenderInfo.PacketCount);
        bobStats.RecordSenderReport(sr.SenderInfo.NtpTimestamp, TimeProvider.System.GetTimestamp());

        var block = bobStats.CreateReportBlock(TimeProvider.System.GetTimestamp());
        var rr = new RtcpCompoundWriter(buffer);
        Assert.True(rr.TryWriteReceiverReport(bobSsrc, [block]));
        Assert.True(rr.TryWriteSourceDescription(bobSsrc, "bob@loopback"u8));
        await bob.RtcpSocket.SendToAsync(buffer.AsMemory(0, rr.Length), SocketFlags.None, alice.RtcpEndPoint);

        var rrLength = await ReceiveAsync(alice.RtcpSocket, buffer, aliceSource);
        var arrival = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, rrLength), out var rrReader));
        Assert.True(rrReader.TryReadNext(out var rrPacket));
        Assert.Equal(RtcpParseStatus.Ok, RtcpReceiverReport.TryParse(rrPacket, out var receiverReport));
        var reported = receiverReport.GetReportBlock(0);
        Assert.Equal(1, reported.CumulativeLost);

        var monitor = new LegQualityMonitor(aliceSsrc, EModelCodec.G711WithConcealment, 8000);
        Assert.True(monitor.RecordRemoteReport(reported, arrival));
        var quality = monitor.CreateReport(new RtpReceiveStatistics(8000), aliceSender);
        Assert.NotNull(quality.RoundTripMilliseconds);
        Assert.InRange(quality.RoundTripMilliseconds!.Value, 0, 1000);
        Assert.Equal(1, quality.Outbound.PacketsLost);
    }

    private static RtpPortLease Allocate(RtpPortAllocator allocator)
    {
        var result = allocator.TryAllocate();
        Assert.True(result.Succeeded, $"allocation failed: {result.Error} {result.SocketError}");
        return result.Lease;
    }

    private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer, SocketAddress source)
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        return await socket.ReceiveFromAsync(buffer, SocketFlags.None, source, timeout.Token);
    }
}
