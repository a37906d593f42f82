using System.Globalization;
using System.Net.Sockets;

namespace ContactCenter.TestPeers;

/// <summary>
/// Reads the kernel's socket tables (/proc/net) to learn whether a given process has bound a port,
/// without touching the port (a probe bind could steal it from the peer that is starting).
/// </summary>
internal static class PortProbe
{
    /// <summary>True when process <paramref name="processId"/> owns a socket bound to <paramref name="port"/>.</summary>
    public static bool IsBoundBy(int processId, int port, ProtocolType protocol)
    {
        var inodes = SocketInodes(port, protocol);
        if (inodes.Count == 0)
        {
            return false;
        }
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                // Links read "socket:[12345]".
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && inodes.Contains(target["socket:[".Length..^1]))
                {
                    return true;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process exited while we looked.
        }
        return false;
    }

    /// <summary>True when any UDP or TCP socket (IPv4 or IPv6) is bound to <paramref name="port"/>.</summary>
    public static bool IsInUse(int port) => PortsInUse().Contains(port);

    /// <summary>
    /// Every port a UDP or TCP socket (IPv4 or IPv6) is bound to, from one read of the tables: checking a range port by
    /// port would re-read them for each, and a box running load tests has thousands of sockets in them.
    /// </summary>
    public static HashSet<int> PortsInUse()
    {
        var ports = new HashSet<int>();
        foreach (var protocol in (ProtocolType[])[ProtocolType.Udp, ProtocolType.Tcp])
        {
            foreach (var (port, _) in Sockets(protocol))
            {
                ports.Add(port);
            }
        }
        return ports;
    }

    private static HashSet<string> SocketInodes(int port, ProtocolType protocol) =>
        Sockets(protocol).Where(s => s.Port == port).Select(s => s.Inode).ToHashSet(StringComparer.Ordinal);

    /// <summary>The local port and inode of every socket in the kernel's tables for <paramref name="protocol"/>.</summary>
    private static IEnumerable<(int Port, string Inode)> Sockets(ProtocolType protocol)
    {
        var name = protocol == ProtocolType.Tcp ? "tcp" : "udp";
        foreach (var table in (string[])[$"/proc/net/{name}", $"/proc/net/{name}6"])
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(table);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var line in lines.Skip(1))
            {
                // "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10)
                {
                    continue;
                }
                var local = fields[1];
                var colon = local.LastIndexOf(':');
                if (colon > 0
                    && int.TryParse(local.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var localPort))
                {
                    yield return (localPort, fields[9]);
                }
            }
        }
    }
}
