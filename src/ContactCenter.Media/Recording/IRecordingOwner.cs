namespace ContactCenter.Media.Recording;

/// <summary>
/// Whoever feeds a <see cref="RecordingSession"/> and must see its pause, resume and stop first, even when they are
/// called on the session itself (a <see cref="Sessions.LegRecording"/>: its parties' pending frames are read, or the
/// fill-on-arrival mode ended, at the same tick boundary the change takes effect).
/// </summary>
internal interface IRecordingOwner
{
    /// <summary>Runs <paramref name="change"/> (a pause or a resume) at a tick boundary, after what is pending is written.</summary>
    void Control(Action change);

    /// <summary>Stops the owner, which stops the session in turn; false when it is stopping already.</summary>
    bool StopFromSession();
}
