using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// The per-packet work of a same-codec bridge leg: parse the received RTP packet, run the latch, update the receive
/// statistics, and rewrite the header for the outgoing stream. Goal: 0 B allocated per packet.
/// Run: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*RtpPacketPath*'
/// </summary>
[MemoryDiagnoser]
public class RtpPacketPathBenchmarks
{
    private const int PacketsPerInvoke = 1000;

    private readonly byte[] _packet = new byte[12 + 160];
    private readonly System.Net.SocketAddress _source = new IPEndPoint(IPAddress.Loopback, 40000).Serialize();
    private RtpReceiveStatistics _statistics = null!;
    private RtpStreamRewriter _rewriter = null!;
    private RtpSourceLatch _latch = null!;
    private ushort _sequence;
    private uint _timestamp;
    private long _arrival;

    [GlobalSetup]
    public void Setup()
    {
        RtpPacketWriter.TryWrite(_packet, new RtpHeader(0, 1, 160, 0xAAAA), new byte[160], out _);
        _statistics = new RtpReceiveStatistics(8000);
        _rewriter = new RtpStreamRewriter(0xBEEF, 8000, 1000, 50_000);
        _latch = new RtpSourceLatch(new RtpLatchOptions { ExpectedPayloadTypes = RtpPayloadTypeSet.Of(0, 8, 101) });
        _arrival = TimeProvider.System.GetTimestamp();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PacketsPerInvoke)]
    public int ParseOnly()
    {
        var total = 0;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            if (RtpPacket.TryParse(_packet, out var packet) == RtpParseStatus.Ok)
            {
                total += packet.Payload.Length;
            }
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public int ParseLatchStatsRewrite()
    {
        var total = 0;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            // Restore a fresh input header: the previous iteration rewrote this buffer in place.
            BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(2), ++_sequence);
            BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(4), _timestamp += 160);
            BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(8), 0xAAAA);
            _arrival += 20 * TimeProvider.System.TimestampFrequency / 1000;

            if (RtpPacket.TryParse(_packet, out var packet) != RtpParseStatus.Ok
                || _latch.Evaluate(_source, packet.PayloadType) is RtpLatchDecision.IgnoredForeignSource or RtpLatchDecision.IgnoredUnexpectedPayloadType)
            {
                continue;
            }

            _statistics.Update(packet, _arrival);
            if (_rewriter.Rewrite(_packet, _arrival) == RtpRewriteStatus.Rewritten)
            {
                total++;
            }
        }

        return total;
    }
}
