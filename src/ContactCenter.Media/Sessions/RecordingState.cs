namespace ContactCenter.Media.Sessions;

/// <summary>Whether a leg's inbound audio is being handed to a recorder.</summary>
public enum RecordingState
{
    /// <summary>No recorder attached.</summary>
    Stopped,

    /// <summary>Frames go to the recorder.</summary>
    Recording,

    /// <summary>The recorder receives silent frames (e.g. while a card number is spoken).</summary>
    Paused,
}
