namespace ContactCenter.Media.Dtmf;

/// <summary>Whether a <see cref="DtmfEvent"/> reports a digit starting or ending.</summary>
public enum DtmfEventKind
{
    /// <summary>A digit began (useful to stop a prompt at once); its duration is the part seen so far.</summary>
    Started,

    /// <summary>A digit ended; reported exactly once per digit, with its full duration.</summary>
    Ended,
}
