namespace ContactCenter.Media.Mixing;

/// <summary>What a participant's voice does in the conference. Every mode hears the conference.</summary>
public enum MixerParticipantMode
{
    /// <summary>Heard by everyone else.</summary>
    Speaker,

    /// <summary>Heard by nobody (a supervisor silently monitoring).</summary>
    ListenOnly,

    /// <summary>Heard only by <see cref="MixerParticipant.WhisperTarget"/> (a supervisor coaching an agent the caller must not hear).</summary>
    Whisper,
}
