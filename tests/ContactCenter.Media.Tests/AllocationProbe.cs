namespace ContactCenter.Media.Tests;

/// <summary>
/// Zero-allocation checks that hold on a loaded machine: a steady allocation (per frame, per packet, per tick) shows
/// in every round, while a one-time event of the runtime — seen on busy CI machines as a few KB once on the test
/// thread — shows in one round at most. Assert on the quietest round.
/// </summary>
internal static class AllocationProbe
{
    public static long QuietestRound(Action round, int rounds = 3)
    {
        long quietest = long.MaxValue;
        for (int i = 0; i < rounds; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            quietest = Math.Min(quietest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return quietest;
    }
}
