using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// SDP cost per call setup: parsing a typical phone offer, answering it (parse + negotiate + build the answer),
/// and writing the answer. Run: <c>dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter *SdpBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private static readonly byte[] Offer = Encoding.ASCII.GetBytes(
        "v=0\r\no=- 20068 20068 IN IP4 192.0.2.21\r\ns=SDP data\r\nc=IN IP4 192.0.2.21\r\nt=0 0\r\n"
        + "m=audio 11796 RTP/AVP 9 0 8 18 101\r\na=rtpmap:9 G722/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
        + "a=rtpmap:18 G729/8000\r\na=fmtp:18 annexb=no\r\na=ptime:20\r\na=sendrecv\r\na=rtpmap:101 telephone-event/8000\r\n"
        + "a=fmtp:101 0-15\r\n");

    private static readonly SdpCapabilities Capabilities = new();
    private static readonly IPAddress Address = IPAddress.Parse("198.51.100.7");

    private SessionDescription _answer = null!;

    [GlobalSetup]
    public void Setup() => _answer = new SdpNegotiator(Capabilities, Address, 40000, sessionId: 1).AnswerOffer(Offer).Answer!;

    [Benchmark(Baseline = true)]
    public SessionDescription? Parse() => SdpParser.Parse(Offer).Description;

    [Benchmark]
    public SessionDescription? ParseAndAnswer() => new SdpNegotiator(Capabilities, Address, 40000, sessionId: 1).AnswerOffer(Offer).Answer;

    [Benchmark]
    public byte[] WriteAnswer() => SdpWriter.ToArray(_answer);
}
