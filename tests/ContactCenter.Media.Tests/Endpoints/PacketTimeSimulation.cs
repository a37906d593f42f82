using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Jitter;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>
/// A sender of any packet time into an <see cref="InboundAudio"/>, read by a 20 ms media clock, all on fake time, from one
/// seed: deterministic. Every sample carries its own index (L16, value = index mod 32000 + 1), so each played frame says
/// exactly which 20 ms of the stream it holds, and concealment (a faded repeat) never passes for audio.
/// </summary>
/// <remarks>
/// Packet n is sent when its last sample was captured (its RTP time plus its length) and arrives after a network delay;
/// tick k reads at k × 20 ms plus the clock's lateness (never before the previous tick: a late clock catches up).
/// Arrivals and reads are merged in time order, as a receive loop and the media clock would interleave them.
/// </remarks>
internal sealed class PacketTimeSimulation
{
    private const int WrapFrames = 200;
    private const int Wrap = WrapFrames * 160;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public PacketTimeSimulation(JitterBufferOptions? options = null)
    {
        Audio = new InboundAudio(AudioFormat.Narrowband, options, _time);
    }

    public InboundAudio Audio { get; }

    /// <summary>Per tick: the index of the 20 ms frame played, or -1 for concealment, -2 for silence (prebuffering, faded).</summary>
    public List<int> Output { get; } = [];

    /// <summary>Per tick: the buffer's depth after the read.</summary>
    public List<TimeSpan> Depths { get; } = [];

    /// <summary>Frames the sender sent (whole 20 ms of the stream).</summary>
    public int FramesSent { get; private set; }

    /// <summary>
    /// Runs <paramref name="seconds"/> of audio. <paramref name="packetMilliseconds"/> gives each packet's length by its
    /// index; <paramref name="networkDelayMs"/> and <paramref name="clockLatenessMs"/> draw delays from the shared random.
    /// The run goes on for <paramref name="tailTicks"/> ticks after the last packet.
    /// </summary>
    public void Run(
        double seconds,
        Func<int, int> packetMilliseconds,
        Func<Random, double> networkDelayMs,
        Func<Random, double> clockLatenessMs,
        int seed,
        uint firstTimestamp = 0x1000,
        int tailTicks = 20,
        (double FromMs, double ToMs)? receiveStall = null)
    {
        var random = new Random(seed);
        var totalSamples = (int)(seconds * 8000);
        var packets = new List<(double AtMs, int FirstSample, int Samples)>();
        for (int sample = 0, n = 0; sample < totalSamples; n++)
        {
            var samples = Math.Min(8 * packetMilliseconds(n), totalSamples - sample);
            var sentAt = (sample + samples) / 8.0;
            var arrival = sentAt + networkDelayMs(random);
            if (receiveStall is { } stall && arrival >= stall.FromMs && arrival < stall.ToMs)
            {
                // The receive loop did not run: the socket kept the packets, read back to back when it resumed.
                arrival = stall.ToMs;
            }

            packets.Add((arrival, sample, samples));
            sample += samples;
        }

        FramesSent = totalSamples / 160;
        packets.Sort((a, b) => a.AtMs != b.AtMs ? a.AtMs.CompareTo(b.AtMs) : a.FirstSample.CompareTo(b.FirstSample));
        var start = _time.GetUtcNow();
        var pcm = new short[480];
        var payload = new byte[960];
        var frame = new short[160];
        var next = 0;
        var readAt = 0.0;
        var lastTick = (int)(packets[^1].AtMs / 20) + tailTicks;
        for (var tick = 1; tick <= lastTick; tick++)
        {
            // A tick later than the next one's time is followed at once by that one (the clock catches up).
            readAt = Math.Max(readAt, (tick * 20.0) + clockLatenessMs(random));
            for (; next < packets.Count && packets[next].AtMs <= readAt; next++)
            {
                var (atMs, firstSample, samples) = packets[next];
                for (var i = 0; i < samples; i++)
                {
                    pcm[i] = Marker(firstSample + i);
                }

                var length = L16Codec.Narrowband.Encode(pcm.AsSpan(0, samples), payload);
                _time.SetUtcNow(start + TimeSpan.FromMilliseconds(atMs));
                Audio.Write(L16Codec.Narrowband, 0xCAFE, firstTimestamp + (uint)firstSample, payload.AsSpan(0, length), _time.GetTimestamp());
            }

            _time.SetUtcNow(start + TimeSpan.FromMilliseconds(readAt));
            Output.Add(Audio.ReadFrame(frame) ? FrameIndex(frame) : -2);
            Depths.Add(Audio.Statistics.CurrentDepth);
        }
    }

    /// <summary>The frames played, in order.</summary>
    public int[] Played => [.. Output.Where(f => f >= 0)];

    /// <summary>Ticks without the stream's audio (concealment or silence) between the first and the last played frame; the tail after the stream ends is not a loss.</summary>
    public int ConcealedWithinStream()
    {
        var first = Output.FindIndex(f => f >= 0);
        var last = Output.FindLastIndex(f => f >= 0);
        return first < 0 ? 0 : Output.Skip(first).Take(last - first + 1).Count(f => f < 0);
    }

    /// <summary>Frame indexes missing from the played sequence (0 .. FramesSent - 1).</summary>
    public int[] Missing() => [.. Enumerable.Range(0, FramesSent).Except(Played)];

    public string Describe() =>
        $"played {Played.Length} of {FramesSent}, concealed within stream {ConcealedWithinStream()}, missing [{string.Join(',', Missing().Take(20))}], " +
        $"stats {Audio.Statistics}, partial {Audio.PartialFramesDropped}; output {string.Join(' ', Output.Take(80))}";

    private static short Marker(int sampleIndex) => (short)((sampleIndex % Wrap) + 1);

    // The frame index when the frame is 160 consecutive markers starting on a frame boundary; -1 otherwise (concealment).
    private int FrameIndex(ReadOnlySpan<short> frame)
    {
        var firstSample = frame[0] - 1;
        if (firstSample < 0 || firstSample % 160 != 0)
        {
            return -1;
        }

        for (var i = 1; i < frame.Length; i++)
        {
            if (frame[i] != Marker(firstSample + i))
            {
                return -1;
            }
        }

        // Markers wrap every 200 frames: the frame is the first index with the same remainder at most 100 frames behind
        // the last one played.
        var window = firstSample / 160;
        var floor = Output.LastOrDefault(f => f >= 0, -1) - (WrapFrames / 2);
        return floor + ((((window - floor) % WrapFrames) + WrapFrames) % WrapFrames);
    }
}
