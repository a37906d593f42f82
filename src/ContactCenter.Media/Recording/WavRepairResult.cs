namespace ContactCenter.Media.Recording;

/// <summary>What <see cref="RecordingRepair"/> did to one file.</summary>
/// <param name="DeclaredDataBytes">The data size the header claimed before repair (-1 when unreadable).</param>
/// <param name="DataBytes">The data size after repair (what the file really holds, in whole sample frames).</param>
/// <param name="TruncatedBytes">Trailing bytes of a partial sample frame that were cut off.</param>
public sealed record WavRepairResult(string Path, WavRepairOutcome Outcome, string Reason, long DeclaredDataBytes, long DataBytes, long TruncatedBytes);
