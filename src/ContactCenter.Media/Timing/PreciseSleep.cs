using System.Runtime.InteropServices;

namespace ContactCenter.Media.Timing;

/// <summary>
/// Sleeps for a sub-millisecond-precise duration. <see cref="Thread.Sleep(TimeSpan)"/> rounds to whole
/// milliseconds, which would cost up to 1 ms of every 20 ms tick; on Linux <c>nanosleep</c> wakes within tens of
/// microseconds. Elsewhere the whole milliseconds are slept and the remainder yielded away.
/// </summary>
internal static partial class PreciseSleep
{
    private static readonly bool UseNanosleep = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    public static void Sleep(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        if (UseNanosleep)
        {
            long nanoseconds = duration.Ticks * 100;
            var request = new TimeSpec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };

            // An interrupted sleep (EINTR) simply returns early; the caller recomputes its deadline.
            _ = NanoSleep(in request, IntPtr.Zero);
            return;
        }

        int whole = (int)duration.TotalMilliseconds;
        if (whole > 0)
        {
            Thread.Sleep(whole);
        }
        else
        {
            Thread.Yield();
        }
    }

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = false)]
    private static partial int NanoSleep(in TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
