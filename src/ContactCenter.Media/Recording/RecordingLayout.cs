namespace ContactCenter.Media.Recording;

/// <summary>How the parties of a call are laid out in the file.</summary>
public enum RecordingLayout
{
    /// <summary>One WAV channel per party (two parties: left = first, e.g. caller; right = second, e.g. agent).</summary>
    Stereo,

    /// <summary>All parties summed (with saturation) into one channel.</summary>
    Mono,
}
