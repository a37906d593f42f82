namespace ContactCenter.TestPeers.Tests;

internal static class ProcessState
{
    /// <summary>True when no process (not even a zombie) has this PID.</summary>
    public static bool IsGone(int processId) => !Directory.Exists($"/proc/{processId}");

    public static void AssertGone(int processId, string what) =>
        Assert.True(IsGone(processId), $"{what} (pid {processId}) is still running after dispose.");
}
