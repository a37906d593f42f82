namespace ContactCenter.Media.Recording;

/// <summary>What a stopped recording holds, returned by <see cref="RecordingSession.StopAsync"/>.</summary>
/// <param name="Path">The WAV file.</param>
/// <param name="Format">Layout, encoding and rate; <see cref="RecordingFormat.Channels"/> gives the channel count.</param>
/// <param name="Parties">Parties recorded (2 for stereo; mixed parties for mono).</param>
/// <param name="StartedAt">Wall-clock start (the recorder's <see cref="TimeProvider"/>).</param>
/// <param name="StoppedAt">Wall-clock stop.</param>
/// <param name="Duration">Audio in the file (frames written × 20 ms).</param>
/// <param name="DataBytes">Bytes of the data chunk.</param>
/// <param name="FileBytes">Bytes of the whole file.</param>
/// <param name="FramesWritten">20 ms frames written.</param>
/// <param name="Pauses">Pause intervals, in order.</param>
/// <param name="DroppedFrames">Frames lost because the writer fell behind (queue full) or the file failed.</param>
/// <param name="InvalidFrames">Frames given with a bad party index or length, recorded as silence.</param>
/// <param name="OverrunFrames">A party wrote twice in one tick; the earlier frame was replaced.</param>
/// <param name="Failure">The I/O error that stopped the file, if any; the file keeps what was written before it.</param>
/// <param name="LostArrivalFrames">
/// A recording filled on arrival: frame parts (per party) its writer, stalled for over a ring of ticks, could not take;
/// their ticks are in the file as silence (so they are not <paramref name="DroppedFrames"/>).
/// </param>
public sealed record RecordingMetadata(
    string Path,
    RecordingFormat Format,
    int Parties,
    DateTimeOffset StartedAt,
    DateTimeOffset StoppedAt,
    TimeSpan Duration,
    long DataBytes,
    long FileBytes,
    long FramesWritten,
    IReadOnlyList<RecordingPause> Pauses,
    long DroppedFrames,
    long InvalidFrames,
    long OverrunFrames,
    Exception? Failure,
    long LostArrivalFrames = 0);
