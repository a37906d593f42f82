using ContactCenter.Media.Audio;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Mixing;

/// <summary>Drives a mixer tick by tick: each leg speaks a tone (or nothing) and what it hears is collected.</summary>
internal sealed class MixerHarness
{
    private readonly List<Leg> _legs = [];
    private long _tick;

    public ConferenceMixer Mixer { get; } = new();

    public Leg Add(int rate, double frequency, double amplitude = 8000)
    {
        var leg = new Leg(Mixer.Join(new AudioFormat(rate)), rate) { Frequency = frequency, Amplitude = amplitude };
        _legs.Add(leg);
        return leg;
    }

    public void Remove(Leg leg)
    {
        Assert.True(Mixer.Leave(leg.Participant));
        _legs.Remove(leg);
    }

    public void Run(int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            foreach (Leg leg in _legs)
            {
                leg.Speak();
            }

            Mixer.OnTick(_tick++);
            foreach (Leg leg in _legs)
            {
                leg.Listen();
            }
        }
    }

    internal sealed class Leg(MixerParticipant participant, int rate)
    {
        private readonly short[] _frame = new short[rate / 50];
        private long _sent;

        public MixerParticipant Participant { get; } = participant;

        public int Rate { get; } = rate;

        public double Frequency { get; set; }

        public double Amplitude { get; set; }

        public List<short> Heard { get; } = [];

        public int SilentTicks { get; private set; }

        /// <summary>What the leg heard after skipping <paramref name="skipTicks"/> ticks of it (filter settling).</summary>
        public short[] HeardAfter(int skipTicks) => [.. Heard.Skip(skipTicks * _frame.Length)];

        public double Level(double frequency, int skipTicks = 5) => Signals.Amplitude(HeardAfter(skipTicks), frequency, Rate);

        public void Speak()
        {
            if (Frequency <= 0)
            {
                Participant.WriteFrame(_frame, silent: true);
                return;
            }

            for (int n = 0; n < _frame.Length; n++)
            {
                _frame[n] = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * Frequency * (_sent + n) / Rate));
            }

            _sent += _frame.Length;
            Participant.WriteFrame(_frame, silent: false);
        }

        public void Listen()
        {
            var heard = new short[_frame.Length];
            if (!Participant.ReadFrame(heard))
            {
                SilentTicks++;
                Array.Clear(heard);
            }

            Heard.AddRange(heard);
        }

        public void Forget()
        {
            Heard.Clear();
            SilentTicks = 0;
        }
    }
}
