using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Cost per packet of the decode path's jitter buffer: one Push (receive thread) plus one ReadFrame (clock tick, decode included).</summary>
[MemoryDiagnoser]
public class JitterBufferBenchmarks
{
    private JitterBuffer _buffer = null!;
    private byte[] _payload = [];
    private short[] _frame = [];
    private ushort _sequence;
    private uint _timestamp;
    private long _arrival;
    private int _ticksPerFrame;

    [Params("PCMU/8000", "G722/8000")]
    public string Codec { get; set; } = "PCMU/8000";

    [GlobalSetup]
    public void Setup()
    {
        if (!CodecCatalog.Default.TryGetByRtpMap(Codec, out AudioCodec? codec))
        {
            throw new InvalidOperationException($"Unknown codec {Codec}.");
        }

        _buffer = new JitterBuffer(codec.CreateDecoder());
        _payload = new byte[codec.BytesPerFrame];
        new Random(5).NextBytes(_payload);
        _frame = new short[codec.SamplesPerFrame];
        _ticksPerFrame = codec.RtpTicksPerFrame;
    }

    /// <summary>In-order steady state.</summary>
    [Benchmark]
    public bool PushAndRead()
    {
        _buffer.Push(0xCAFE, _sequence++, _timestamp, _payload, _arrival);
        _timestamp += (uint)_ticksPerFrame;
        _arrival += TimeSpan.FromMilliseconds(20).Ticks;
        return _buffer.ReadFrame(_frame);
    }

    /// <summary>Every 8th packet swapped with its successor and every 50th lost: the reorder and concealment paths.</summary>
    [Benchmark]
    public bool PushAndReadWithReorderAndLoss()
    {
        ushort sequence = _sequence++;
        ushort sent = (sequence % 8) switch { 6 => (ushort)(sequence + 1), 7 => (ushort)(sequence - 1), _ => sequence };
        if (sent % 50 != 0)
        {
            _buffer.Push(0xCAFE, sent, (uint)(sent * _ticksPerFrame), _payload, _arrival);
        }

        _arrival += TimeSpan.FromMilliseconds(20).Ticks;
        return _buffer.ReadFrame(_frame);
    }
}
