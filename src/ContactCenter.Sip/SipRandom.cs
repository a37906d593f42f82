using System.Security.Cryptography;

namespace ContactCenter.Sip;

/// <summary>
/// Cryptographically random bytes for tags, branches and nonces, drawn from a per-thread buffer refilled 4 KiB at a
/// time: one call into the system generator per ~300 identifiers instead of one each, which showed in load profiles.
/// </summary>
internal static class SipRandom
{
    private const int BufferSize = 4096;

    [ThreadStatic] private static byte[]? t_buffer;
    [ThreadStatic] private static int t_used;

    public static void Fill(Span<byte> destination)
    {
        var buffer = t_buffer;
        if (buffer == null)
        {
            t_buffer = buffer = new byte[BufferSize];
            t_used = BufferSize;
        }
        while (!destination.IsEmpty)
        {
            if (t_used == BufferSize)
            {
                RandomNumberGenerator.Fill(buffer);
                t_used = 0;
            }
            int n = Math.Min(destination.Length, BufferSize - t_used);
            var chunk = buffer.AsSpan(t_used, n);
            chunk.CopyTo(destination);
            chunk.Clear(); // handed-out randomness does not linger in memory
            t_used += n;
            destination = destination[n..];
        }
    }
}
