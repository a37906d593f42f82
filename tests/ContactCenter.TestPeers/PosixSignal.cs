using System.Runtime.InteropServices;

namespace ContactCenter.TestPeers;

/// <summary>Sends a POSIX signal to one process by PID (.NET can only kill).</summary>
internal static partial class PosixSignal
{
    // Linux numbers (x86-64 and arm64 agree); the peers run on Linux only.
    public const int Kill = 9;
    public const int User1 = 10;
    public const int Terminate = 15;

    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
