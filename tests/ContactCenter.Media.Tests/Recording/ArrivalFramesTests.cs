using ContactCenter.Media.Codecs;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Tests.Recording;

/// <summary>
/// A recording filled as packets arrive: where each packet's audio lands on the tick timeline (reordered, lost, late,
/// other packet times, new streams, jumps), what the writer reads, and when the feed asks to leave the mode.
/// </summary>
public sealed class ArrivalFramesTests
{
    private const byte Silence = 0xFF; // µ-law zero
    private const uint Ssrc = 0x1234;
    private const long Start = 10;
    private const long FirstTick = Start + ArrivalFrames.PlayoutTicks; // where a stream's first packet lands, sent at tick 10

    private readonly TickSequence _ticks = new();
    private readonly ArrivalFrames _frames;
    private int _wakes;

    public ArrivalFramesTests()
    {
        _ticks.Publish(Start);
        _frames = new ArrivalFrames(_ticks, G711Codec.MuLaw, Silence, Start, () => _wakes++);
    }

    [Fact]
    public void Packets_in_order_fill_consecutive_ticks_from_the_playout_delay_on_and_the_writer_takes_what_the_clock_passed()
    {
        for (var k = 0; k < 5; k++)
        {
            Send(0, k);
        }

        _ticks.Publish(20);
        Assert.True(_frames.TryClaim(out var from, out var through));
        Assert.Equal((Start + 1, 20 - ArrivalFrames.SettleTicks), (from, through));
        Assert.Equal(through, _frames.Claimed);
        for (var tick = Start + 1; tick < FirstTick; tick++)
        {
            AssertTick(tick, left: null, right: null);
        }

        for (var k = 0; k < 5; k++)
        {
            AssertTick(FirstTick + k, left: Marker(k), right: null);
        }

        Assert.False(_frames.TryClaim(out _, out _));
        Assert.Equal(1, _frames.Feed(0).Anchors);
    }

    [Fact]
    public void Reordered_packets_keep_their_place_and_a_lost_one_is_silence()
    {
        foreach (var k in new[] { 0, 2, 1, 4 })
        {
            Send(1, k);
        }

        Claim(30);
        AssertTick(FirstTick, left: null, right: Marker(0));
        AssertTick(FirstTick + 1, left: null, right: Marker(1));
        AssertTick(FirstTick + 2, left: null, right: Marker(2));
        AssertTick(FirstTick + 3, left: null, right: null);
        AssertTick(FirstTick + 4, left: null, right: Marker(4));
    }

    [Fact]
    public void Thirty_millisecond_packets_are_cut_at_the_frames_and_a_half_frame_left_over_is_completed_with_silence()
    {
        var stream = Enumerable.Range(0, 720).Select(i => (byte)(i % 251)).ToArray();
        for (var k = 0; k < 3; k++)
        {
            _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc, (uint)(5000 + (240 * k)), stream.AsSpan(240 * k, 240));
        }

        Claim(30);
        for (var frame = 0; frame < 4; frame++)
        {
            AssertLeft(FirstTick + frame, stream.AsSpan(160 * frame, 160));
        }

        var last = Enumerable.Repeat(Silence, 160).ToArray();
        stream.AsSpan(640, 80).CopyTo(last);
        AssertLeft(FirstTick + 4, last);
    }

    [Fact]
    public void A_reordered_packet_after_its_tick_was_written_is_dropped_and_counted_and_changes_nothing()
    {
        Send(0, 0);
        Send(0, 2);
        Claim(FirstTick + 2); // takes ticks through FirstTick + 1: packet 1 never came in time
        Send(0, 1);

        Assert.Equal(1, _frames.LateFrames);
        Assert.Equal(1, _frames.Feed(0).Anchors);
        AssertTick(FirstTick + 1, left: null, right: null);
        Claim(30);
        AssertTick(FirstTick + 2, left: Marker(2), right: null);
    }

    [Fact]
    public void The_newest_packet_arriving_after_its_tick_re_anchors_the_stream_a_sender_clock_slower_than_ours()
    {
        Send(0, 0);
        Claim(FirstTick + 3); // the clock ran ahead of this stream's timestamps: packet 1's tick is taken already
        Send(0, 1);

        Assert.Equal(2, _frames.Feed(0).Anchors);
        Assert.Equal(0, _frames.LateFrames);
        Claim(40);
        AssertTick(FirstTick + 1, left: null, right: null);
        AssertTick(FirstTick + 3 + ArrivalFrames.PlayoutTicks, left: Marker(1), right: null);
    }

    [Fact]
    public void A_stream_moved_far_back_re_anchors_but_one_old_packet_arriving_late_is_only_late()
    {
        Send(0, 0);
        Send(0, 1);
        _ticks.Publish(40);
        Send(0, 0); // a copy of an old packet, 27 ticks late: late, and the stream keeps its timeline
        Assert.Equal(1, _frames.Feed(0).Anchors);

        // The same SSRC restarting its timestamps a ring and more back: a new timeline.
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc, (uint)(1000 - (160 * (_frames.Capacity + 10))), Payload(99));
        Assert.Equal(2, _frames.Feed(0).Anchors);
        Claim(60);
        AssertTick(FirstTick, left: Marker(0), right: null);
        AssertTick(FirstTick + 1, left: Marker(1), right: null);
        AssertTick(40 + ArrivalFrames.PlayoutTicks, left: 99, right: null);
    }

    [Fact]
    public void After_a_delay_spike_the_burst_of_late_packets_leaves_a_lead_that_is_given_up_after_a_second()
    {
        Send(0, 0); // tick 13 at clock 10: the usual lead of 3
        Claim(20);  // 200 ms without packets
        Send(0, 1); // the newest packet, after its tick was written: anchored again at 23
        for (var k = 2; k <= 10; k++)
        {
            Send(0, k); // the burst: ticks 24..32, a lead of 12 at clock 20
        }

        Assert.Equal(2, _frames.Feed(0).Anchors);
        var excessInBurst = Enumerable.Range(2, 9).Count(k => 22 + k > 20 + ArrivalFrames.PlayoutTicks + ArrivalFeed.ExcessLeadTicks);
        var clock = 20L;
        var sent = 0;
        while (_frames.Feed(0).Anchors == 2 && sent < 2 * ArrivalFeed.ExcessLeadPackets)
        {
            _ticks.Publish(++clock);
            Send(0, 11 + sent++); // steady again, but still 12 ahead
        }

        Assert.Equal(ArrivalFeed.ExcessLeadPackets - excessInBurst, sent);
        Assert.Equal(3, _frames.Feed(0).Anchors);
        Claim(clock + 10);
        AssertTick(clock + ArrivalFrames.PlayoutTicks, left: Marker(11 + sent - 1), right: null);
    }

    [Fact]
    public void A_new_ssrc_and_a_timestamp_jump_far_ahead_each_re_anchor_at_the_clock()
    {
        Send(0, 0);
        _ticks.Publish(12);
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc + 1, 77, Payload(Marker(1)));
        _ticks.Publish(14);
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc + 1, 77 + (160 * (ArrivalFeed.AheadTicks + 20)), Payload(Marker(2)));

        Assert.Equal(3, _frames.Feed(0).Anchors);
        Claim(30);
        AssertTick(FirstTick, left: Marker(0), right: null);
        AssertTick(12 + ArrivalFrames.PlayoutTicks, left: Marker(1), right: null);
        AssertTick(14 + ArrivalFrames.PlayoutTicks, left: Marker(2), right: null);
    }

    [Fact]
    public void A_tick_whose_slot_still_holds_an_older_tick_is_silence_never_that_older_audio()
    {
        Send(0, 0);
        Claim(FirstTick + _frames.Capacity + 5);

        AssertTick(FirstTick, left: Marker(0), right: null);
        AssertTick(FirstTick + _frames.Capacity, left: null, right: null); // the same slot, one ring later
    }

    [Fact]
    public void Audio_in_another_codec_asks_once_to_leave_the_mode_and_packets_that_are_not_audio_are_ignored()
    {
        var requests = 0;
        _frames.OnLeaveRequested(() => requests++);

        _frames.Feed(1).Write(null, Ssrc, 0, Payload(1));
        Assert.False(_frames.LeaveRequested);

        _frames.Feed(1).Write(G711Codec.ALaw, Ssrc, 0, Payload(1));
        _frames.Feed(0).Write(G722Codec.Instance, Ssrc, 0, Payload(1));
        Assert.True(_frames.LeaveRequested);
        Assert.Equal(1, requests);
        Claim(30);
        AssertTick(FirstTick, left: null, right: null);
    }

    [Fact]
    public void A_stalled_writer_is_woken_at_half_the_ring_and_frames_beyond_the_ring_are_dropped_and_counted()
    {
        _ticks.Publish(Start + (_frames.Capacity / 2));
        Send(0, 0);
        Assert.Equal(1, _wakes);
        Assert.Equal(0, _frames.OverflowFrames);

        _ticks.Publish(Start + _frames.Capacity + 5);
        _frames.Feed(1).Write(G711Codec.MuLaw, Ssrc, 0, Payload(1));
        Assert.Equal(1, _frames.OverflowFrames);
        Assert.Equal(2, _wakes);

        // Claiming is not enough: a slot is filled again only once the writer has read what it held.
        Assert.True(_frames.TryClaim(out _, out _));
        _frames.Feed(1).Write(G711Codec.MuLaw, Ssrc, 160, Payload(2));
        Assert.Equal(2, _frames.OverflowFrames);
        _frames.ReadThrough(Start + 20);
        _frames.Feed(1).Write(G711Codec.MuLaw, Ssrc, 320, Payload(3));
        Assert.Equal(2, _frames.OverflowFrames);
    }

    [Fact]
    public void A_stream_anchored_again_earlier_leaves_none_of_the_old_timelines_frames_in_the_ticks_it_does_not_fill()
    {
        for (var k = 0; k < 8; k++)
        {
            Send(0, k); // ticks 13..20
        }

        // A new stream at the same clock tick lands at tick 13 again; it loses its second and third packets.
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc + 1, 9000, Payload(101));
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc + 1, 9000 + (3 * 160), Payload(104));

        Claim(30);
        AssertTick(FirstTick, left: 101, right: null);
        AssertTick(FirstTick + 1, left: null, right: null);
        AssertTick(FirstTick + 2, left: null, right: null);
        AssertTick(FirstTick + 3, left: 104, right: null);
        for (var tick = FirstTick + 4; tick <= FirstTick + 7; tick++)
        {
            AssertTick(tick, left: null, right: null);
        }
    }

    [Fact]
    public void A_capacity_that_is_not_a_power_of_two_of_at_least_the_minimum_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalFrames(_ticks, G711Codec.MuLaw, Silence, 0, () => { }, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalFrames(_ticks, G711Codec.MuLaw, Silence, 0, () => { }, 32));
        Assert.Equal(128, new ArrivalFrames(_ticks, G711Codec.MuLaw, Silence, 0, () => { }, 128).Capacity);
    }

    [Fact]
    public void Ending_takes_every_tick_through_the_end_at_once_and_the_feed_stores_nothing_after_it()
    {
        Send(0, 0);
        _ticks.Publish(FirstTick);
        Assert.Equal(FirstTick + 1, _frames.End(FirstTick + 1));
        Send(0, 1); // after the end (a pause, a stop): not stored, though its tick is not written yet
        Assert.Equal(FirstTick + 1, _frames.End(FirstTick + 50)); // the first end stays
        Assert.True(_frames.Ended);
        Assert.False(_frames.Finished);
        Assert.Equal(FirstTick + 1 - Start, _frames.FramesAccepted);

        Assert.True(_frames.TryClaim(out var from, out var through));
        Assert.Equal((Start + 1, FirstTick + 1), (from, through)); // not held back for late packets
        Assert.True(_frames.Finished);
        AssertTick(FirstTick, left: Marker(0), right: null);
        AssertTick(FirstTick + 1, left: null, right: null);
        Assert.False(_frames.Due(batch: 1));
    }

    [Fact]
    public void Empty_and_over_long_payloads_are_counted_and_ignored()
    {
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc, 0, []);
        _frames.Feed(0).Write(G711Codec.MuLaw, Ssrc, 0, new byte[(16 * 160) + 1]);

        Assert.Equal(2, _frames.Feed(0).InvalidPayloads);
        Assert.Equal(0, _frames.Feed(0).Anchors);
    }

    private static byte Marker(int k) => (byte)(k + 1);

    private static byte[] Payload(byte value) => Enumerable.Repeat(value, 160).ToArray();

    private void Send(int party, int k) =>
        _frames.Feed(party).Write(G711Codec.MuLaw, Ssrc, (uint)(1000 + (160 * k)), Payload(Marker(k)));

    private void Claim(long clockTick)
    {
        _ticks.Publish(clockTick);
        Assert.True(_frames.TryClaim(out _, out _));
    }

    private void AssertTick(long tick, byte? left, byte? right)
    {
        var stereo = new byte[320];
        _frames.ReadStereo(tick, stereo);
        for (var i = 0; i < 160; i++)
        {
            Assert.True(stereo[2 * i] == (left ?? Silence), $"tick {tick} left sample {i}: {stereo[2 * i]}");
            Assert.True(stereo[(2 * i) + 1] == (right ?? Silence), $"tick {tick} right sample {i}: {stereo[(2 * i) + 1]}");
        }
    }

    private void AssertLeft(long tick, ReadOnlySpan<byte> expected)
    {
        var stereo = new byte[320];
        _frames.ReadStereo(tick, stereo);
        for (var i = 0; i < 160; i++)
        {
            Assert.True(stereo[2 * i] == expected[i], $"tick {tick} left sample {i}: {stereo[2 * i]} instead of {expected[i]}");
        }
    }
}
