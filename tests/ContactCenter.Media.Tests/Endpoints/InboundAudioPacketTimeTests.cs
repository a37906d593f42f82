namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>
/// Packet times other than 20 ms through the decode path (<see cref="Media.Endpoints.InboundAudio"/>: 20 ms reframing,
/// then the jitter buffer), read by a 20 ms clock, on fake time with seeded jitter: every frame must come out, in
/// order, with no concealment once the buffer has adapted.
/// </summary>
public sealed class InboundAudioPacketTimeTests
{
    // A LAN/WAN path: 2–10 ms, and 2% of packets 10–40 ms later (so some arrive after their successor).
    private static double Network(Random random) =>
        2 + (random.NextDouble() * 8) + (random.NextDouble() < 0.02 ? 10 + (random.NextDouble() * 30) : 0);

    // The media clock: within half a millisecond, and 1% of ticks 2–10 ms late.
    private static double Clock(Random random) =>
        (random.NextDouble() * 0.5) + (random.NextDouble() < 0.01 ? 2 + (random.NextDouble() * 8) : 0);

    [Theory]
    [InlineData(30, 1)]
    [InlineData(30, 2)]
    [InlineData(30, 3)]
    [InlineData(40, 1)]
    [InlineData(60, 1)]
    public void Packets_longer_than_a_frame_with_network_jitter_play_every_frame_in_order(int packetMilliseconds, int seed)
    {
        var sim = new PacketTimeSimulation();
        sim.Run(20, _ => packetMilliseconds, Network, Clock, seed);

        // Reordered 30 ms packets leave frames half done until their other part comes: none may be lost. The only
        // concealment allowed is the buffer holding its position once or twice for the first spikes, before it adapts.
        Assert.True(sim.Played.SequenceEqual(Enumerable.Range(0, sim.FramesSent)), sim.Describe());
        Assert.InRange(sim.ConcealedWithinStream(), 0, 2);
        Assert.Equal(0, sim.Audio.PartialFramesDropped);
        Assert.Equal(0, sim.Audio.Statistics.DroppedForLatency);
        Assert.Equal(0, sim.Audio.Statistics.LateDiscarded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ten_ms_packets_with_network_jitter_complete_every_frame(int seed)
    {
        var sim = new PacketTimeSimulation();
        sim.Run(20, _ => 10, Network, Clock, seed);

        // Every frame comes in two packets, often reordered by the spikes: all are completed. The buffer starts one frame
        // deep as for 20 ms packets, so, as there, adapting to the first spikes may hold it a few times and trim a frame.
        Assert.Equal(0, sim.Audio.PartialFramesDropped);
        var played = sim.Played;
        Assert.True(played.Zip(played.Skip(1)).All(p => p.Second > p.First), sim.Describe());
        Assert.InRange(sim.FramesSent - played.Length, 0, 1);
        Assert.InRange(sim.ConcealedWithinStream(), 0, 3);
        Assert.Equal(sim.FramesSent, sim.Audio.Statistics.Played + sim.Audio.Statistics.DroppedForLatency + sim.Audio.Statistics.LateDiscarded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sipps_30ms_capture_timing_into_a_busy_media_clock_plays_every_frame_without_concealment(int seed)
    {
        // g711a.pcap's own spacing varies by ±1.5 ms; the clock is sometimes 5–35 ms late and then catches up.
        var sim = new PacketTimeSimulation();
        sim.Run(
            7.08,
            _ => 30,
            random => 1 + (random.NextDouble() * 1.5),
            random => (random.NextDouble() * 0.3) + (random.NextDouble() < 0.02 ? 5 + (random.NextDouble() * 30) : 0),
            seed);

        Assert.True(sim.Played.SequenceEqual(Enumerable.Range(0, sim.FramesSent)), sim.Describe());
        Assert.Equal(0, sim.ConcealedWithinStream());
        Assert.Equal(sim.FramesSent, sim.Audio.Statistics.Played);
        Assert.Equal(0, sim.Audio.Statistics.DroppedForLatency);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_30ms_stream_with_up_to_40ms_of_jitter_plays_every_frame(int seed)
    {
        var sim = new PacketTimeSimulation();
        sim.Run(20, _ => 30, random => random.NextDouble() * 40, Clock, seed);

        Assert.True(sim.Played.SequenceEqual(Enumerable.Range(0, sim.FramesSent)), sim.Describe());
        Assert.InRange(sim.ConcealedWithinStream(), 0, 2);
        Assert.Equal(0, sim.Audio.Statistics.DroppedForLatency);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Packet_times_changing_from_packet_to_packet_still_play_in_order(int seed)
    {
        int[] times = [10, 20, 30, 40, 60];
        var pick = new Random(seed * 7);
        var packetTimes = Enumerable.Range(0, 2000).Select(_ => times[pick.Next(times.Length)]).ToArray();
        var sim = new PacketTimeSimulation();
        sim.Run(20, n => packetTimes[n], Network, Clock, seed);

        // The first packet may be short (the buffer starts shallow) and a later 60 ms one then comes late once or twice.
        var played = sim.Played;
        Assert.True(played.Zip(played.Skip(1)).All(p => p.Second > p.First), sim.Describe());
        Assert.InRange(sim.FramesSent - played.Length, 0, 1);
        Assert.InRange(sim.ConcealedWithinStream(), 0, 4);
        Assert.Equal(0, sim.Audio.PartialFramesDropped);
        Assert.Equal(0, sim.Audio.Statistics.DroppedForLatency);
    }

    [Fact]
    public void Twenty_ms_packets_behave_as_before()
    {
        var sim = new PacketTimeSimulation();
        sim.Run(20, _ => 20, Network, Clock, 1);

        // A 20 ms stream starts one frame deep, so the first spikes beyond it are late: two of them, as before 30 ms
        // packets were reframed more carefully.
        Assert.Equal([16, 641], sim.Missing());
        Assert.Equal(2, sim.Audio.Statistics.LateDiscarded);
        Assert.True(sim.Played.Zip(sim.Played.Skip(1)).All(p => p.Second > p.First), sim.Describe());
        Assert.Equal(0, sim.Audio.Statistics.DroppedForLatency);
        Assert.Equal(TimeSpan.FromMilliseconds(40), sim.Audio.Statistics.TargetDepth);
    }

    [Theory]
    [InlineData(20, 700)]
    [InlineData(30, 700)]
    [InlineData(30, 950)]
    public void After_a_receive_stall_the_burst_resumes_the_audio_at_once_and_every_frame_is_accounted_for(int packetMilliseconds, int stallMilliseconds)
    {
        // The receive loop does not run for a while (a starved thread pool); the socket keeps the packets and hands them
        // over back to back. Frames wider than the ring or the inbox are lost, but the gap they leave is skipped rather
        // than concealed frame by frame, and the extra delay is trimmed back.
        var sim = new PacketTimeSimulation();
        sim.Run(7, _ => packetMilliseconds, _ => 2, _ => 0.2, 1, receiveStall: (2000, 2000 + stallMilliseconds));

        var stats = sim.Audio.Statistics;
        var played = sim.Played;
        Assert.True(played.Zip(played.Skip(1)).All(p => p.Second > p.First), sim.Describe());
        Assert.Equal(sim.FramesSent, stats.Played + stats.DroppedForLatency + stats.InboxOverflows + stats.LateDiscarded);

        // Concealment only while nothing came (the stall less what the buffer held), none once the burst is in.
        var stallTicks = stallMilliseconds / 20;
        Assert.True(sim.ConcealedWithinStream() is var concealed && concealed <= stallTicks && concealed >= stallTicks - 5, sim.Describe());
        var resumed = sim.Output.FindIndex(sim.Output.FindIndex(f => f == 98) + 1, f => f >= 0);
        Assert.DoesNotContain(sim.Output.Skip(resumed).SkipLast(25), f => f < 0);
        // The depth the burst left (up to the ring's 640 ms) is trimmed back to the target (which itself shrinks slowly).
        var lastHalfSecond = sim.Depths.SkipLast(25).TakeLast(25).ToList();
        Assert.True(
            lastHalfSecond.Max() <= stats.TargetDepth + TimeSpan.FromMilliseconds(40),
            $"depth in the last half second {string.Join(' ', lastHalfSecond.Select(d => d.TotalMilliseconds))}, target {stats.TargetDepth}");
    }
}
