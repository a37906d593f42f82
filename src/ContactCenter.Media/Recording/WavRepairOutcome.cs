namespace ContactCenter.Media.Recording;

public enum WavRepairOutcome
{
    /// <summary>The header already matched the file; nothing was written.</summary>
    Healthy,

    /// <summary>The sizes disagreed with the file length (a crash); the header was fixed and any partial sample frame cut off.</summary>
    Repaired,

    /// <summary>Not a WAV file this can repair (see the reason); left untouched.</summary>
    Skipped,

    /// <summary>The file could not be read or written (see the reason); left as it was.</summary>
    Failed,
}
