using System.Buffers.Binary;
using System.Net;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Tests.Dtmf;
using Microsoft.Extensions.Time.Testing;
using ContactCenter.Tests.Shared;

namespace ContactCenter.Media.Tests.Rtp;

/// <summary>The per-packet and per-frame paths must not allocate once warmed up.</summary>
public sealed class RtpHotPathAllocationTests
{
    [Fact]
    public void ParseLatchStatisticsAndRewrite_AllocateNothingPerPacket()
    {
        var time = new FakeTimeProvider();
        var packet = new byte[12 + 160];
        RtpPacketWriter.TryWrite(packet, new RtpHeader(8, 0, 0, 0xAAAA), new byte[160], out _);
        var source = new IPEndPoint(IPAddress.Loopback, 40000).Serialize();
        var spoofer = new IPEndPoint(IPAddress.Loopback, 40002).Serialize();
        var latch = new RtpSourceLatch(new RtpLatchOptions { ExpectedPayloadTypes = RtpPayloadTypeSet.Of(8) });
        var statistics = new RtpReceiveStatistics(8000, time);
        var rewriter = new RtpStreamRewriter(0xBEEF, 8000, 1, 1, time);
        var report = new byte[200];
        ushort sequence = 0;

        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(20));
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), ++sequence);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
                BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), 0xAAAA);
                RtpPacket.TryParse(packet, out var parsed);
                latch.Evaluate(i % 7 == 0 ? spoofer : source, parsed.PayloadType);
                statistics.Update(parsed, time.GetTimestamp());
                rewriter.Rewrite(packet, time.GetTimestamp());
                if (i % 250 == 0)
                {
                    var writer = new RtcpCompoundWriter(report);
                    writer.TryWriteReceiverReport(0xBEEF, [statistics.CreateReportBlock(time.GetTimestamp())]);
                    RtcpCompoundReader.TryCreate(writer.Written, out _);
                }
            }
        }

        Run(1000);
        Assert.Equal(0, ThreadAllocations.LeastOfThreeRuns(() => Run(10_000)));
        Assert.Equal(30_999, statistics.Received);
    }

    [Fact]
    public void DtmfReceiverAndDetector_AllocateNothingPerPacketOrFrame()
    {
        var time = new FakeTimeProvider();
        var receiver = new TelephoneEventReceiver(time);
        var detector = new GoertzelDtmfDetector();
        var tone = SignalSynth.ToPcm(SignalSynth.Concat(SignalSynth.Dtmf('5', 100), SignalSynth.Silence(100)));
        var payload = new byte[4];

        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var timestamp = (uint)(i / 10 * 1600);
                new TelephoneEventPayload(5, i % 10 >= 7, 10, (ushort)(i % 10 * 160)).TryWrite(payload);
                receiver.Receive(timestamp, i % 10 == 0, payload);
                detector.Process(tone.AsSpan(i % 10 * 160, 160));
                while (receiver.TryReadEvent(out _) || detector.TryReadEvent(out _))
                {
                }
            }
        }

        Run(100);
        Assert.Equal(0, ThreadAllocations.LeastOfThreeRuns(() => Run(5_000)));
    }
}
