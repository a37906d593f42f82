using ContactCenter.Media.Audio;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Mixing;

public sealed class ConferenceMixerTests
{
    private const double Heard = 7500;   // an 8000-amplitude tone arrives at about full level
    private const double Absent = 40;    // what is left of a tone nobody should hear (well under -45 dB)

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Each_listener_hears_the_other_two_tones_and_not_its_own(int rate)
    {
        var harness = new MixerHarness();
        var a = harness.Add(rate, 400);
        var b = harness.Add(rate, 700);
        var c = harness.Add(rate, 1100);

        harness.Run(50);

        AssertHears(a, 700, 1100);
        AssertHears(b, 400, 1100);
        AssertHears(c, 400, 700);
        AssertDoesNotHear(a, 400);
        AssertDoesNotHear(b, 700);
        AssertDoesNotHear(c, 1100);
        Assert.Equal(rate, harness.Mixer.MixSampleRate);
    }

    [Fact]
    public void Loud_voices_saturate_instead_of_wrapping()
    {
        var mixer = new ConferenceMixer();
        MixerParticipant[] legs = [.. Enumerable.Range(0, 4).Select(_ => mixer.Join(AudioFormat.Narrowband))];
        short[] loud = [.. Enumerable.Repeat((short)30000, 160)];
        short[] quiet = [.. Enumerable.Repeat((short)-20000, 160)];

        legs[0].WriteFrame(loud, false);
        legs[1].WriteFrame(loud, false);
        legs[2].WriteFrame(loud, false);
        legs[3].WriteFrame(quiet, false);
        mixer.OnTick(0);

        var heard = new short[160];
        Assert.True(legs[0].ReadFrame(heard));
        Assert.All(heard, s => Assert.Equal(short.MaxValue, s)); // 30000 + 30000 - 20000 = 40000
        Assert.True(legs[3].ReadFrame(heard));
        Assert.All(heard, s => Assert.Equal(short.MaxValue, s)); // 90000, not the wrapped 24464

        for (int i = 0; i < 4; i++)
        {
            legs[i].WriteFrame([.. Enumerable.Repeat(short.MinValue, 160)], false);
        }

        mixer.OnTick(1);
        Assert.True(legs[2].ReadFrame(heard));
        Assert.All(heard, s => Assert.Equal(short.MinValue, s));
    }

    [Fact]
    public void Saturated_tones_keep_their_sign_every_sample()
    {
        var harness = new MixerHarness();
        var a = harness.Add(8000, 400, 30000);
        var b = harness.Add(8000, 400, 30000);
        var c = harness.Add(8000, 0);

        harness.Run(10);

        short[] heard = c.HeardAfter(0);
        for (int n = 0; n < heard.Length; n++)
        {
            double expected = 60000 * Math.Sin(2 * Math.PI * 400 * n / 8000);
            double clipped = Math.Clamp(Math.Round(expected), short.MinValue, short.MaxValue);
            Assert.True(Math.Abs(heard[n] - clipped) <= 2, $"sample {n}: {heard[n]} vs {clipped}");
        }

        Assert.Equal(short.MaxValue, heard.Max());
        Assert.Equal(short.MinValue, heard.Min());
        Assert.True(a.Level(400) > 25000);
        Assert.True(b.Level(400) > 25000);
    }

    [Fact]
    public void Wideband_and_narrowband_legs_mix_at_16_kHz()
    {
        var harness = new MixerHarness();
        var wide = harness.Add(16000, 1000);
        var narrow = harness.Add(8000, 700);
        var other = harness.Add(16000, 6000); // above what a narrowband leg can carry

        harness.Run(50);

        Assert.Equal(16000, harness.Mixer.MixSampleRate);
        AssertHears(narrow, 1000);
        Assert.True(narrow.Level(6000 - 4000) < Absent, "6 kHz folded into the narrowband leg as 2 kHz");
        AssertHears(wide, 700, 6000);
        AssertHears(other, 700, 1000);
        Assert.True(wide.Level(7300) < Absent, "the 8 kHz leg's image at 7.3 kHz reached the wideband leg");
        AssertDoesNotHear(wide, 1000);
        AssertDoesNotHear(narrow, 700);
    }

    [Fact]
    public void A_narrowband_leg_that_talks_in_bursts_never_hears_itself_in_a_wideband_mix()
    {
        // What the narrowband leg hears must be the same, sample for sample, whether or not it talks.
        short[] talking = RunBursts(narrowTalks: true, out MixerHarness.Leg listener);
        short[] quiet = RunBursts(narrowTalks: false, out _);

        int worst = 0;
        for (int n = 0; n < talking.Length; n++)
        {
            worst = Math.Max(worst, Math.Abs(talking[n] - quiet[n]));
        }

        Assert.True(worst <= 2, $"the narrowband leg heard itself: up to {worst} apart from what it hears when quiet");
        Assert.True(listener.Level(700, skipTicks: 0) > 2000, "the other narrowband leg should hear the bursts");
        Assert.True(Signals.Amplitude(talking, 1000, 8000) > 2000, "the narrowband leg should hear the wideband leg");
    }

    private static short[] RunBursts(bool narrowTalks, out MixerHarness.Leg listener)
    {
        var harness = new MixerHarness();
        var wide = harness.Add(16000, 1000);
        var narrow = harness.Add(8000, 700);
        listener = harness.Add(8000, 0);
        for (int tick = 0; tick < 120; tick++)
        {
            narrow.Frequency = narrowTalks && tick / 7 % 2 == 0 ? 700 : 0; // bursts: its filter tail must be taken out too
            wide.Frequency = tick / 11 % 3 == 2 ? 0 : 1000;
            harness.Run(1);
        }

        return narrow.HeardAfter(0);
    }

    [Fact]
    public void The_mix_rate_follows_the_fastest_participant()
    {
        var mixer = new ConferenceMixer();
        Assert.Equal(8000, mixer.MixSampleRate);
        mixer.Join(AudioFormat.Narrowband);
        Assert.Equal(8000, mixer.MixSampleRate);
        MixerParticipant hd = mixer.Join(AudioFormat.Wideband);
        Assert.Equal(16000, mixer.MixSampleRate);
        mixer.Leave(hd);
        Assert.Equal(8000, mixer.MixSampleRate);
        Assert.False(mixer.Leave(hd));
        Assert.False(hd.IsJoined);
    }

    [Fact]
    public void Participants_join_and_leave_mid_call()
    {
        var harness = new MixerHarness();
        var a = harness.Add(8000, 400);
        var b = harness.Add(8000, 700);
        var c = harness.Add(8000, 1100);
        harness.Run(20);
        AssertHears(a, 700, 1100);

        harness.Remove(c);
        a.Forget();
        harness.Run(20);
        AssertHears(a, 700);
        AssertDoesNotHear(a, 1100);
        Assert.False(c.Participant.ReadFrame(new short[160]));

        var d = harness.Add(16000, 1500);
        a.Forget();
        b.Forget();
        harness.Run(30);
        AssertHears(a, 700, 1500);
        AssertHears(b, 400, 1500);
        AssertHears(d, 400, 700);
        AssertDoesNotHear(d, 1500);
    }

    [Fact]
    public void A_listen_only_supervisor_hears_everyone_and_is_heard_by_nobody()
    {
        var harness = new MixerHarness();
        var caller = harness.Add(8000, 400);
        var agent = harness.Add(8000, 700);
        var supervisor = harness.Add(8000, 1100);
        supervisor.Participant.Mode = MixerParticipantMode.ListenOnly;

        harness.Run(30);

        AssertHears(supervisor, 400, 700);
        AssertDoesNotHear(caller, 1100);
        AssertDoesNotHear(agent, 1100);
        AssertHears(caller, 700);
    }

    [Fact]
    public void A_whispering_supervisor_is_heard_only_by_the_agent()
    {
        var harness = new MixerHarness();
        var caller = harness.Add(8000, 400);
        var agent = harness.Add(8000, 700);
        var supervisor = harness.Add(16000, 1100);
        supervisor.Participant.Mode = MixerParticipantMode.Whisper;
        supervisor.Participant.WhisperTarget = agent.Participant;

        harness.Run(30);

        AssertHears(agent, 400, 1100);
        AssertDoesNotHear(agent, 700);
        AssertDoesNotHear(caller, 1100);
        AssertHears(caller, 700);
        AssertHears(supervisor, 400, 700);
        Assert.Throws<ArgumentException>(() => supervisor.Participant.WhisperTarget = supervisor.Participant);
    }

    [Fact]
    public void Mute_and_gain_change_what_others_hear()
    {
        var harness = new MixerHarness();
        var a = harness.Add(8000, 400);
        var b = harness.Add(8000, 700);
        var c = harness.Add(8000, 0);
        a.Participant.Gain = 0.5f;
        b.Participant.Muted = true;

        harness.Run(20);

        Assert.InRange(c.Level(400), 3900, 4100);
        AssertDoesNotHear(c, 700);
        Assert.InRange(b.Level(400), 3900, 4100); // a muted participant still hears
        Assert.True(a.SilentTicks == 20, "with b muted and c silent, a hears nothing");
    }

    [Fact]
    public void Silence_in_gives_silence_out_and_absent_inputs_count_as_silent()
    {
        var mixer = new ConferenceMixer();
        MixerParticipant a = mixer.Join(AudioFormat.Narrowband);
        MixerParticipant b = mixer.Join(AudioFormat.Narrowband);
        var frame = new short[160];
        Array.Fill(frame, (short)1234);

        mixer.OnTick(0);
        Assert.False(a.ReadFrame(frame));
        a.WriteFrame(frame, silent: false);
        mixer.OnTick(1);
        Assert.False(a.ReadFrame(new short[160]), "a alone hears nobody");
        var heard = new short[160];
        Assert.True(b.ReadFrame(heard));
        Assert.All(heard, s => Assert.Equal(1234, s));
        mixer.OnTick(2); // a wrote nothing this tick
        Assert.False(b.ReadFrame(heard));
    }

    [Fact]
    public void Bad_frames_and_a_full_conference_are_clear_results()
    {
        var mixer = new ConferenceMixer(maxParticipants: 2);
        MixerParticipant a = mixer.Join(AudioFormat.Narrowband);
        MixerParticipant b = mixer.Join(AudioFormat.Narrowband);
        Assert.False(mixer.TryJoin(AudioFormat.Narrowband, out MixerParticipant? none));
        Assert.Null(none);
        Assert.Throws<InvalidOperationException>(() => mixer.Join(AudioFormat.Narrowband));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConferenceMixer().Join(new AudioFormat(44100)));

        a.WriteFrame(new short[320], false);
        mixer.OnTick(0);
        Assert.Equal(1, a.InvalidFrames);
        Assert.False(b.ReadFrame(new short[160]));
        Assert.False(b.ReadFrame(new short[10]));
    }

    private static void AssertHears(MixerHarness.Leg leg, params double[] frequencies)
    {
        foreach (double frequency in frequencies)
        {
            double level = leg.Level(frequency);
            Assert.True(level > Heard, $"{leg.Rate} Hz leg hears {frequency} Hz at {level:F0}, expected ≈8000");
        }
    }

    private static void AssertDoesNotHear(MixerHarness.Leg leg, double frequency)
    {
        double level = leg.Level(frequency);
        Assert.True(level < Absent, $"{leg.Rate} Hz leg hears {frequency} Hz at {level:F1}");
    }
}
