using ContactCenter.Media.Jitter;
using static ContactCenter.Media.Tests.Jitter.JitterHarness;

namespace ContactCenter.Media.Tests.Jitter;

/// <summary>Exact output frames for the packet sequences a network produces: order, reorder, loss, duplicates, wrap-around, restarts.</summary>
public sealed class JitterBufferSequenceTests
{
    private const int C = Concealed;
    private const int S = Silent;

    [Fact]
    public void A_regular_stream_plays_each_packet_on_the_next_tick()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        for (int seq = 1; seq <= 5; seq++)
        {
            Assert.Equal(JitterPushResult.Queued, h.Send(seq));
            output.Add(h.Read());
        }

        Assert.Equal(Played(1, 2, 3, 4, 5), output);
        JitterBufferStatistics stats = h.Buffer.Statistics;
        Assert.Equal(5, stats.Received);
        Assert.Equal(5, stats.Played);
        Assert.Equal(0, stats.Concealed);
        Assert.Equal(TimeSpan.FromMilliseconds(20), stats.TargetDepth);
    }

    [Fact]
    public void Nothing_is_played_before_the_first_packet()
    {
        var h = new JitterHarness();
        Assert.Equal([S, S], h.Read(2));
        Assert.Equal(0, h.Buffer.Statistics.Concealed);
    }

    [Fact]
    public void Reordered_packets_come_out_in_sequence_order()
    {
        var h = new JitterHarness();
        foreach (int seq in new[] { 10, 12, 11, 14, 13 })
        {
            h.Send(seq);
        }

        Assert.Equal(Played(10, 11, 12, 13, 14, C), h.Read(6));
    }

    [Fact]
    public void Duplicates_are_counted_and_played_once_and_a_replay_after_playout_is_late()
    {
        var h = new JitterHarness();
        h.Send(1);
        h.Send(2);
        h.Send(2);
        Assert.Equal(Played(1), h.Read(1));
        h.Send(1);
        h.Send(3);
        Assert.Equal(Played(2, 3), h.Read(2));

        JitterBufferStatistics stats = h.Buffer.Statistics;
        Assert.Equal(1, stats.Duplicates);
        Assert.Equal(1, stats.LateDiscarded);
        Assert.Equal(3, stats.Played);
    }

    [Fact]
    public void A_single_loss_is_concealed_without_adding_delay()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        for (int seq = 1; seq <= 8; seq++)
        {
            if (seq != 5)
            {
                h.Send(seq);
            }

            output.Add(h.Read());
        }

        Assert.Equal(Played(1, 2, 3, 4, C, 6, 7, 8), output);
        Assert.Equal(1, h.Buffer.Statistics.Concealed);
        Assert.Equal(TimeSpan.Zero, h.Buffer.Statistics.CurrentDepth);
    }

    [Fact]
    public void A_gap_with_more_than_the_target_beyond_it_is_skipped_rather_than_concealed_frame_by_frame()
    {
        var h = new JitterHarness();
        h.Send(1);
        Assert.Equal(Played(1), h.Read(1));

        // A burst after a stall, its middle lost (an inbox that was full): 7..11 missing, 12..16 behind them.
        foreach (int seq in new[] { 2, 3, 4, 5, 6, 12, 13, 14, 15, 16 })
        {
            h.Send(seq);
        }

        // Walking the gap would play five concealment frames and keep a delay the trimming must then cut from the audio.
        Assert.Equal(Played(2, 3, 4, 5, 6, 12, 13), h.Read(7));
        Assert.Equal(0, h.Buffer.Statistics.Concealed);
        Assert.Equal(0, h.Buffer.Statistics.DroppedForLatency);
    }

    [Fact]
    public void A_gap_with_no_more_than_the_target_beyond_it_is_still_concealed()
    {
        var h = new JitterHarness(new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(60) });
        foreach (int seq in new[] { 1, 2, 3 })
        {
            h.Send(seq);
        }

        Assert.Equal(Played(1), h.Read(1));
        h.Send(4);
        h.Send(6);
        Assert.Equal(Played(2), h.Read(1));
        h.Send(7);
        Assert.Equal(Played(3), h.Read(1));
        h.Send(8);
        Assert.Equal(Played(4, C, 6, 7, 8), h.Read(5));
    }

    [Fact]
    public void A_long_loss_fades_the_last_frame_out_then_plays_silence()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        var concealedFrames = new List<short[]>();
        for (int seq = 1; seq <= 12; seq++)
        {
            if (seq is < 5 or > 10)
            {
                h.Send(seq);
            }

            output.Add(h.Read());
            if (output[^1] == C)
            {
                concealedFrames.Add((short[])h.LastFrame.Clone());
            }
        }

        Assert.Equal(Played(1, 2, 3, 4, C, C, C, C, S, S, 11, 12), output);
        Assert.Equal(6, h.Buffer.Statistics.Concealed);

        // The fade: gain 1 → 0.75 → 0.5 → 0.25 → 0 across the four frames, continuous at the frame edges.
        int marker = Marker(4);
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(marker * (4 - k) / 4, concealedFrames[k][0]);
            Assert.InRange(concealedFrames[k][159], (marker * (3 - k) / 4) - 1, (marker * (3 - k) / 4) + 1 + (marker / 160));
            Assert.True(concealedFrames[k].Zip(concealedFrames[k].Skip(1)).All(p => p.Second <= p.First));
        }
    }

    [Fact]
    public void Sequence_numbers_wrap_around_at_65535()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        long timestamp = uint.MaxValue - 320;
        foreach (int seq in new[] { 65533, 65534, 0, 65535, 1, 2 })
        {
            int offset = seq >= 65533 ? seq - 65533 : seq + 3;
            h.Send(seq, timestamp + (offset * 160));
        }

        output.AddRange(h.Read(6));
        Assert.Equal(Played(65533, 65534, 65535, 0, 1, 2), output);
        JitterBufferStatistics stats = h.Buffer.Statistics;
        Assert.Equal(0, stats.Resyncs);
        Assert.Equal(0, stats.TimestampJumps);
        Assert.Equal(0, stats.LateDiscarded);
    }

    [Fact]
    public void A_new_ssrc_resets_the_buffer_and_plays_the_new_source()
    {
        var h = new JitterHarness();
        h.Send(100, ssrc: 1);
        h.Send(101, ssrc: 1);
        Assert.Equal(Played(100), h.Read(1));

        h.Send(7, timestamp: 999_999, ssrc: 2);
        h.Send(8, timestamp: 999_999 + 160, ssrc: 2);
        Assert.Equal(Played(7, 8, C), h.Read(3));

        JitterBufferStatistics stats = h.Buffer.Statistics;
        Assert.Equal(1, stats.SsrcChanges);
        Assert.Equal(0, stats.LateDiscarded);
        Assert.Equal(1, stats.Concealed);
    }

    [Theory]
    [InlineData(10 * 8000)]
    [InlineData(-10 * 8000)]
    public void A_timestamp_jump_keeps_the_audio_flowing_and_does_not_inflate_the_depth(int jump)
    {
        var h = new JitterHarness();
        var output = new List<int>();
        for (int seq = 1; seq <= 10; seq++)
        {
            h.Send(seq, timestamp: 100_000 + (seq * 160) + (seq >= 6 ? jump : 0));
            output.Add(h.Read());
        }

        Assert.Equal(Played(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), output);
        JitterBufferStatistics stats = h.Buffer.Statistics;
        Assert.Equal(1, stats.TimestampJumps);
        Assert.Equal(TimeSpan.FromMilliseconds(20), stats.TargetDepth);
    }

    [Fact]
    public void A_sequence_jump_far_ahead_resynchronises_on_the_new_numbering()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        foreach (int seq in new[] { 1, 2, 3, 20000, 20001, 20002 })
        {
            h.Send(seq);
            output.Add(h.Read());
        }

        Assert.Equal(Played(1, 2, 3, 20000, 20001, 20002), output);
        Assert.Equal(1, h.Buffer.Statistics.Resyncs);
    }

    [Fact]
    public void A_restart_far_behind_is_followed_after_two_consecutive_packets_but_a_stray_old_packet_is_late()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        foreach (int seq in new[] { 1000, 1001, 1002 })
        {
            h.Send(seq);
            output.Add(h.Read());
        }

        h.Send(500);
        output.Add(h.Read());
        h.Send(501);
        output.Add(h.Read());
        h.Send(502);
        output.Add(h.Read());

        // 500 alone looks like a stray (late); 501 confirms the restart and plays; 502 follows.
        Assert.Equal(Played(1000, 1001, 1002, C, 501, 502), output);
        Assert.Equal(1, h.Buffer.Statistics.Resyncs);
        Assert.Equal(1, h.Buffer.Statistics.LateDiscarded);
    }

    [Fact]
    public void A_late_packet_within_the_wait_is_still_played_and_the_delay_it_added_is_kept()
    {
        var h = new JitterHarness();
        var output = new List<int>();
        h.Send(1);
        output.Add(h.Read());
        output.Add(h.Read()); // 2 is late: hold and conceal
        h.Send(2);
        h.Send(3);
        output.Add(h.Read());
        h.Send(4);
        output.Add(h.Read());
        output.Add(h.Read());

        Assert.Equal(Played(1, C, 2, 3, 4), output);
        Assert.Equal(0, h.Buffer.Statistics.LateDiscarded);
    }

    [Fact]
    public void Payloads_of_the_wrong_size_are_refused_and_counted()
    {
        var h = new JitterHarness();
        Assert.Equal(JitterPushResult.InvalidPayload, h.Buffer.Push(1, 1, 160, new byte[319], 0));
        Assert.Equal(JitterPushResult.InvalidPayload, h.Buffer.Push(1, 1, 160, [], 0));
        Assert.Equal(2, h.Buffer.Statistics.Invalid);
        Assert.Equal(2, h.Buffer.Statistics.Received);
        Assert.Equal(S, h.Read());
    }

    [Fact]
    public void The_inbox_refuses_what_it_cannot_hold_between_two_reads()
    {
        var h = new JitterHarness(new JitterBufferOptions { InboxCapacity = 4 });
        for (int seq = 1; seq <= 4; seq++)
        {
            Assert.Equal(JitterPushResult.Queued, h.Send(seq));
        }

        Assert.Equal(JitterPushResult.InboxFull, h.Send(5));
        Assert.Equal(1, h.Buffer.Statistics.InboxOverflows);
        Assert.Equal(Played(1, 2, 3, 4), h.Read(4));
        Assert.Equal(JitterPushResult.Queued, h.Send(5));
    }

    [Fact]
    public void A_frame_span_shorter_than_a_frame_is_refused_without_an_exception()
    {
        var h = new JitterHarness();
        h.Send(1);
        Assert.False(h.Buffer.ReadFrame(new short[10]));
    }

    [Fact]
    public void A_burst_wider_than_the_ring_keeps_the_newest_frames()
    {
        var h = new JitterHarness(new JitterBufferOptions { InboxCapacity = 64 });
        for (int seq = 1; seq <= 40; seq++)
        {
            h.Send(seq);
        }

        Assert.Equal(Played(9, 10, 11), h.Read(3));
        Assert.Equal(8, h.Buffer.Statistics.DroppedForLatency);
        Assert.Equal(0, h.Buffer.Statistics.Resyncs);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var decoder = Media.Codecs.G711Codec.MuLaw.CreateDecoder();
        Assert.Throws<ArgumentOutOfRangeException>(() => new JitterBuffer(decoder, new JitterBufferOptions { SlotCount = 24 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JitterBuffer(decoder, new JitterBufferOptions { SlotCount = 16 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JitterBuffer(decoder, new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(10) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JitterBuffer(decoder, new JitterBufferOptions { InboxCapacity = 3 }));
    }
}
