namespace ContactCenter.Media.Recording;

/// <summary>
/// One pause (e.g. while a card number was spoken). Nothing is written while paused, so the file's timeline closes
/// over the gap: <paramref name="FileOffset"/> is where in the file the cut is, <paramref name="Skipped"/> how much
/// call audio is missing there (clock ticks counted while paused), and the wall-clock times say when it happened.
/// </summary>
public sealed record RecordingPause(TimeSpan FileOffset, TimeSpan Skipped, DateTimeOffset PausedAt, DateTimeOffset ResumedAt);
