using System.Diagnostics.CodeAnalysis;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Mixing;

/// <summary>
/// An N-party conference: every tick each participant hears the sum of everyone else. The sum of all voices is
/// computed once in 32 bits; each speaker's mix is that total minus its own voice, saturated to 16 bits (never wraps);
/// everyone who did not speak this tick shares one saturated copy of the total. Silent or absent inputs add nothing.
/// Legs at 8 and 16 kHz mix together at the highest rate present, through the codecs' half-band resamplers.
/// Nothing is allocated per tick.
/// </summary>
/// <remarks>
/// <see cref="OnTick"/> runs on the media clock thread, after the legs wrote their input for the tick and before they
/// read their output (a leg that writes after the mix is heard one tick later). <see cref="Join"/> and <see cref="Leave"/>
/// may be called from any thread; they publish a new participant list that the next tick picks up.
/// </remarks>
public sealed class ConferenceMixer : IMediaTickable
{
    public const int DefaultMaxParticipants = 64;

    private readonly Lock _membership = new();
    private readonly int[] _total = new int[MixerParticipant.MaxSamples];
    private readonly int[] _scratch = new int[MixerParticipant.MaxSamples];
    private readonly int[] _zero = new int[MixerParticipant.MaxSamples];
    private readonly int[] _difference = new int[MixerParticipant.MaxSamples];
    private readonly short[] _shared = new short[MixerParticipant.MaxSamples];
    private readonly short[] _sharedNarrow = new short[MixerParticipant.MaxSamples / 2];
    private readonly IAudioResampler _sharedDecimator = AudioResampler.Create(16000, 8000);
    private volatile MixPlan _plan = MixPlan.Empty;
    private int _lastMixRate = MixPlan.Empty.MixRate;

    public ConferenceMixer(int maxParticipants = DefaultMaxParticipants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParticipants, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxParticipants, 1024);
        MaxParticipants = maxParticipants;
    }

    public int MaxParticipants { get; }

    /// <summary>Participants now in the conference (a snapshot).</summary>
    public IReadOnlyList<MixerParticipant> Participants => _plan.Participants;

    /// <summary>The rate the next tick mixes at: 16000 while any 16 kHz participant is in, else 8000.</summary>
    public int MixSampleRate => _plan.MixRate;

    /// <summary>
    /// Adds a leg at 8000 or 16000 Hz as a <see cref="MixerParticipantMode.Speaker"/>. With <paramref name="input"/> the
    /// mixer pulls the leg's audio each tick (else the leg pushes it with <see cref="MixerParticipant.WriteFrame"/>); with
    /// <paramref name="output"/> it pushes the leg's mix each tick (else the leg pulls it with <see cref="MixerParticipant.ReadFrame"/>).
    /// Returns false when the conference is full.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate other than 8000 or 16000 Hz, or a source/sink of another rate.</exception>
    public bool TryJoin(AudioFormat format, [NotNullWhen(true)] out MixerParticipant? participant, IAudioSource? input = null, IAudioSink? output = null)
    {
        if (format.SampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Conference legs are 8000 or 16000 Hz.");
        }

        if ((input is not null && input.Format != format) || (output is not null && output.Format != format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "The input source and output sink must have the participant's format.");
        }

        lock (_membership)
        {
            MixPlan plan = _plan;
            if (plan.Participants.Length >= MaxParticipants)
            {
                participant = null;
                return false;
            }

            participant = new MixerParticipant(format, input, output);
            _plan = Rebuild([.. plan.Participants, participant]);
            return true;
        }
    }

    /// <summary>As <see cref="TryJoin"/>, but a full conference is an <see cref="InvalidOperationException"/>.</summary>
    public MixerParticipant Join(AudioFormat format, IAudioSource? input = null, IAudioSink? output = null) =>
        TryJoin(format, out MixerParticipant? participant, input, output)
            ? participant
            : throw new InvalidOperationException($"The conference is full ({MaxParticipants} participants).");

    /// <summary>Removes a participant from the next tick on; false if it was not in this conference.</summary>
    public bool Leave(MixerParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (_membership)
        {
            MixPlan plan = _plan;
            int index = Array.IndexOf(plan.Participants, participant);
            if (index < 0)
            {
                return false;
            }

            MixerParticipant[] remaining = [.. plan.Participants[..index], .. plan.Participants[(index + 1)..]];
            _plan = Rebuild(remaining);
            participant.MarkLeft();
            return true;
        }
    }

    /// <summary>Mixes one tick: gathers every input, then delivers every participant's mix.</summary>
    public void OnTick(long tick)
    {
        MixPlan plan = _plan;
        MixerParticipant[] participants = plan.Participants;
        int rate = plan.MixRate;
        int samples = rate * AudioFormat.FrameMilliseconds / 1000;
        if (rate != _lastMixRate)
        {
            foreach (MixerParticipant participant in participants)
            {
                participant.ResetResamplers();
            }

            _sharedDecimator.Reset();
            _lastMixRate = rate;
        }

        Span<int> total = _total.AsSpan(0, samples);
        total.Clear();
        int speakers = 0;
        bool anyWhisper = false;
        foreach (MixerParticipant participant in participants)
        {
            participant.Gather(rate);
            if (participant.Contributed == MixerParticipantMode.Speaker)
            {
                PcmMath.Accumulate(total, participant.Contribution(samples));
                speakers++;
            }
            else if (participant.Contributed == MixerParticipantMode.Whisper)
            {
                anyWhisper = true;
            }
        }

        bool sharedReady = false;
        if (plan.NarrowbandInWideband)
        {
            // Every tick, even a silent one, so the shared filter history stays continuous.
            PcmMath.Saturate(total, _shared);
            sharedReady = true;
            _sharedDecimator.Process(_shared.AsSpan(0, samples), _sharedNarrow);
        }

        foreach (MixerParticipant participant in participants)
        {
            bool speaking = participant.Contributed == MixerParticipantMode.Speaker;
            bool whispered = anyWhisper && HasWhisperFor(participants, participant);
            bool silent = !whispered && speakers == (speaking ? 1 : 0);
            if (plan.NarrowbandInWideband && participant.Format.SampleRate == 8000)
            {
                DeliverNarrowband(participants, participant, speaking, whispered, silent, samples);
            }
            else if (silent)
            {
                participant.DeliverSilence();
            }
            else if (!whispered && !speaking)
            {
                if (!sharedReady)
                {
                    PcmMath.Saturate(total, _shared);
                    sharedReady = true;
                }

                participant.Deliver(_shared.AsSpan(0, samples));
            }
            else
            {
                ReadOnlySpan<int> own = speaking ? participant.Contribution(samples) : _zero.AsSpan(0, samples);
                ReadOnlySpan<int> heard = whispered ? AddWhispers(total, participants, participant) : total;
                Span<short> mix = participant.MixBuffer(samples);
                PcmMath.SubtractSaturate(heard, own, mix);
                participant.Deliver(mix);
            }
        }
    }

    /// <summary>An 8 kHz leg in a 16 kHz mix: the shared decimated total, minus its own decimated difference if any.</summary>
    private void DeliverNarrowband(MixerParticipant[] participants, MixerParticipant participant, bool speaking, bool whispered, bool silent, int samples)
    {
        ReadOnlySpan<int> difference = default;
        if (speaking || whispered)
        {
            Span<int> buffer = _difference.AsSpan(0, samples);
            if (speaking)
            {
                participant.Contribution(samples).CopyTo(buffer);
            }
            else
            {
                buffer.Clear();
            }

            if (whispered)
            {
                foreach (MixerParticipant whisperer in participants)
                {
                    if (ReferenceEquals(whisperer.TickWhisperTarget, participant))
                    {
                        PcmMath.Subtract(buffer, whisperer.Contribution(samples), buffer);
                    }
                }
            }

            difference = buffer;
        }

        bool hasDifference = participant.TrackNarrowDifference(difference);
        if (silent)
        {
            participant.DeliverSilence();
        }
        else if (hasDifference)
        {
            Span<short> mix = participant.NarrowMixBuffer;
            PcmMath.SubtractSaturate(_sharedNarrow, participant.NarrowDifference, mix);
            participant.Deliver(mix);
        }
        else
        {
            participant.Deliver(_sharedNarrow);
        }
    }

    private static bool HasWhisperFor(MixerParticipant[] participants, MixerParticipant listener)
    {
        foreach (MixerParticipant participant in participants)
        {
            if (ReferenceEquals(participant.TickWhisperTarget, listener))
            {
                return true;
            }
        }

        return false;
    }

    private Span<int> AddWhispers(ReadOnlySpan<int> total, MixerParticipant[] participants, MixerParticipant listener)
    {
        Span<int> heard = _scratch.AsSpan(0, total.Length);
        total.CopyTo(heard);
        foreach (MixerParticipant participant in participants)
        {
            if (ReferenceEquals(participant.TickWhisperTarget, listener))
            {
                PcmMath.Accumulate(heard, participant.Contribution(total.Length));
            }
        }

        return heard;
    }

    private static MixPlan Rebuild(MixerParticipant[] participants)
    {
        int rate = 8000;
        bool narrowband = false;
        foreach (MixerParticipant participant in participants)
        {
            rate = Math.Max(rate, participant.Format.SampleRate);
            narrowband |= participant.Format.SampleRate == 8000;
        }

        return new MixPlan(participants, rate, narrowband);
    }
}
