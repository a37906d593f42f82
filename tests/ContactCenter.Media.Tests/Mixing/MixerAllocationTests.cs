using ContactCenter.Media.Audio;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Mixing;

public sealed class MixerAllocationTests
{
    [Fact]
    public void A_tick_allocates_nothing_with_mixed_rates_modes_and_whispers()
    {
        var mixer = new ConferenceMixer();
        var participants = new List<MixerParticipant>();
        for (int i = 0; i < 10; i++)
        {
            participants.Add(mixer.Join(i % 3 == 0 ? AudioFormat.Wideband : AudioFormat.Narrowband));
        }

        participants[4].Mode = MixerParticipantMode.ListenOnly;
        participants[5].Mode = MixerParticipantMode.Whisper;
        participants[5].WhisperTarget = participants[1];
        participants[6].Gain = 0.7f;
        short[] narrow = Signals.Tone(400, 8000, 160);
        short[] wide = Signals.Tone(400, 16000, 320);
        var narrowOut = new short[160];
        var wideOut = new short[320];
        Tick(mixer, participants, narrow, wide, narrowOut, wideOut, 0);

        long tick = 1;
        long allocated = AllocationProbe.QuietestRound(() =>
        {
            for (int i = 0; i < 700; i++, tick++) Tick(mixer, participants, narrow, wide, narrowOut, wideOut, tick);
        });

        Assert.Equal(0, allocated);
    }

    private static void Tick(ConferenceMixer mixer, List<MixerParticipant> participants, short[] narrow, short[] wide, short[] narrowOut, short[] wideOut, long tick)
    {
        for (int i = 0; i < participants.Count; i++)
        {
            MixerParticipant p = participants[i];
            bool talking = (tick + i) % 4 != 0; // speech comes and goes
            p.WriteFrame(p.Format.SampleRate == 8000 ? narrow : wide, silent: !talking);
        }

        mixer.OnTick(tick);
        foreach (MixerParticipant p in participants)
        {
            p.ReadFrame(p.Format.SampleRate == 8000 ? narrowOut : wideOut);
        }
    }
}
