using System.Net;
using ContactCenter.Media.Ports;

namespace ContactCenter.Media.Tests.Ports;

/// <summary>
/// Hands each test its own small port range below the Linux ephemeral range (32768+), starting at a random point per
/// test run, so tests running in parallel (and other engineers' runs) do not compete for the same ports.
/// </summary>
internal static class TestPortRanges
{
    private const int Low = 20000;
    private const int High = 32000;
    private static int _next = Low + (2 * Random.Shared.Next((High - Low) / 2));

    public static RtpPortAllocatorOptions Loopback(int pairs)
    {
        var size = 2 * pairs;
        int start;
        int current;
        do
        {
            current = Volatile.Read(ref _next);
            start = current + size > High ? Low : current;
        }
        while (Interlocked.CompareExchange(ref _next, start + size, current) != current);

        return new RtpPortAllocatorOptions { BindAddress = IPAddress.Loopback, MinPort = start, MaxPort = start + size - 1 };
    }
}
