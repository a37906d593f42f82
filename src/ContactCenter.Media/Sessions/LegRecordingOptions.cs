using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Sessions;

/// <summary>What <see cref="MediaLeg.StartRecording(LegRecordingOptions)"/> records and where.</summary>
public sealed record LegRecordingOptions
{
    /// <summary>
    /// The WAV file. Relative paths are resolved under <see cref="MediaEngineOptions.RecordingDirectory"/> when set, and
    /// must stay inside it; directories are created; an existing file is an <see cref="IOException"/>.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>
    /// Layout, encoding and rate. Null (the default): stereo 8 kHz G.711 in the law of the leg's codec when the recording
    /// starts — A-law for a PCMA leg (<see cref="RecordingFormat.StereoALawNarrowband"/>), µ-law otherwise
    /// (<see cref="RecordingFormat.StereoMuLawNarrowband"/>) — so a G.711 call's audio is stored byte for byte as it
    /// arrived; other codecs (G.722, the other law) are decoded and encoded.
    /// </summary>
    public RecordingFormat? Format { get; init; }

    /// <summary>
    /// The party on channel 1 (stereo) or mixed in (mono). Null means the leg this one is bridged with, followed across
    /// re-bridges (a transfer): whoever the leg is bridged to at each tick; when it is bridged to nobody but in a
    /// conference, the conference mix it hears.
    /// </summary>
    public MediaLeg? OtherParty { get; init; }

    /// <summary>
    /// Audio time between header rewrites, the most a crash can leave out of the header (repair at the next start gets it
    /// back from the file's length). Default 5 s: each rewrite is a flush and a write at the file's start, and with
    /// hundreds of calls recorded a rewrite a second was half of the writer thread's time.
    /// </summary>
    public TimeSpan HeaderRefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Frames of slack between the clock and the disk (default 2 s).</summary>
    public int QueueFrames { get; init; } = 100;
}
