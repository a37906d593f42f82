namespace ContactCenter.Cti.Tests.Support;

/// <summary>Waits for a condition that background work makes true, with a deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeout}: {because}");
            await Task.Delay(20);
        }
    }
}
