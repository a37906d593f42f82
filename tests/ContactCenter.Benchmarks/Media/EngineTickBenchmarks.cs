using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Sessions;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// One whole engine tick for a G.711 conference of N legs, through the real session layer: every leg's frame is pushed
/// into its jitter buffer (standing in for the receive loop), then <see cref="MediaEngine.OnTick"/> runs the four phases
/// (decode through the jitter buffer, mix, no recordings, encode and <c>SendTo</c> one RTP packet per leg to a loopback
/// sink). Three legs talk, as in a real conference. Divide by N for the cost per participant per tick, system call
/// included.
/// </summary>
[MemoryDiagnoser]
public class EngineTickBenchmarks
{
    private readonly List<MediaLeg> _legs = [];
    private readonly byte[] _payload = new byte[160];
    private MediaEngine? _engine;
    private Socket? _sink;
    private long _tick;
    private uint _timestamp;

    [Params(3, 10, 32)]
    public int Participants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var tone = new short[160];
        for (int n = 0; n < tone.Length; n++)
        {
            tone[n] = (short)(6000 * Math.Sin(2 * Math.PI * 400 * n / 8000));
        }

        MuLaw.Encode(tone, _payload);
        _sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sinkPort = ((IPEndPoint)_sink.LocalEndPoint!).Port;
        var first = 30000 + (Random.Shared.Next(0, 5000) * 2);
        _engine = new MediaEngine(new MediaEngineOptions
        {
            Ports = new RtpPortAllocatorOptions { BindAddress = IPAddress.Loopback, MinPort = first, MaxPort = first + (Participants * 2) + 1 },
        });
        var conference = _engine.CreateConference();
        for (int i = 0; i < Participants; i++)
        {
            var leg = _engine.CreateLeg().Leg ?? throw new InvalidOperationException("no ports");
            var offer = $"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {sinkPort} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
            if (!leg.AcceptOffer(Encoding.ASCII.GetBytes(offer)).IsSuccess)
            {
                throw new InvalidOperationException("negotiation failed");
            }

            conference.Add(leg);
            _legs.Add(leg);
        }

        for (int i = 0; i < 10; i++)
        {
            Tick();
        }
    }

    [Benchmark]
    public void Tick()
    {
        for (int i = 0; i < 3 && i < _legs.Count; i++)
        {
            _legs[i].Endpoint.InboundAudio!.Write(G711Codec.MuLaw, (uint)(i + 1), _timestamp, _payload, 0);
        }

        _timestamp += 160;
        _engine!.OnTick(_tick++);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine?.Dispose();
        _sink?.Dispose();
    }
}
