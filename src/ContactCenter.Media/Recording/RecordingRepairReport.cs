namespace ContactCenter.Media.Recording;

/// <summary>The result of one <see cref="RecordingRepair.RepairDirectory"/> scan: one entry per <c>*.wav</c> file found.</summary>
public sealed record RecordingRepairReport(IReadOnlyList<WavRepairResult> Files)
{
    public int Repaired => Count(WavRepairOutcome.Repaired);

    public int Healthy => Count(WavRepairOutcome.Healthy);

    public int Skipped => Count(WavRepairOutcome.Skipped);

    public int Failed => Count(WavRepairOutcome.Failed);

    private int Count(WavRepairOutcome outcome)
    {
        int count = 0;
        foreach (WavRepairResult file in Files)
        {
            if (file.Outcome == outcome)
            {
                count++;
            }
        }

        return count;
    }
}
