namespace ContactCenter.Media.Mixing;

/// <summary>The participants and mix rate the clock thread mixes; replaced whole on join and leave, never mutated.</summary>
internal sealed class MixPlan(MixerParticipant[] participants, int mixRate, bool hasNarrowband)
{
    public static readonly MixPlan Empty = new([], 8000, false);

    public MixerParticipant[] Participants { get; } = participants;

    /// <summary>The highest participant rate: 8000 until a 16 kHz participant joins.</summary>
    public int MixRate { get; } = mixRate;

    /// <summary>True when an 8 kHz leg is in a 16 kHz mix (the shared decimation is needed every tick).</summary>
    public bool NarrowbandInWideband { get; } = hasNarrowband && mixRate == 16000;
}
