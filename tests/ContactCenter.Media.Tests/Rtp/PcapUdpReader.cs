using System.Buffers.Binary;
using System.Net;

namespace ContactCenter.Media.Tests.Rtp;

/// <summary>
/// Reads the UDP datagrams of a classic libpcap file (not pcapng): the global header (either byte order, microsecond or
/// nanosecond magic), record headers, then Ethernet (with optional 802.1Q tags) or Linux cooked capture (SLL), IPv4 and
/// UDP. Non-IPv4/UDP frames and fragments are skipped. Written for the sipp captures in /usr/share/sip-tester, which use
/// Ethernet (link type 1).
/// </summary>
internal static class PcapUdpReader
{
    public const int LinkTypeEthernet = 1;
    public const int LinkTypeLinuxCooked = 113;

    public static int ReadLinkType(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ReadGlobalHeader(bytes, out _, out _, out var linkType);
        return linkType;
    }

    public static IReadOnlyList<CapturedDatagram> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ReadGlobalHeader(bytes, out var bigEndian, out var nanoseconds, out var linkType);
        var datagrams = new List<CapturedDatagram>();
        var offset = 24;
        while (offset + 16 <= bytes.Length)
        {
            var seconds = ReadUInt32(bytes.AsSpan(offset), bigEndian);
            var fraction = ReadUInt32(bytes.AsSpan(offset + 4), bigEndian);
            var included = (int)ReadUInt32(bytes.AsSpan(offset + 8), bigEndian);
            offset += 16;
            if (included < 0 || offset + included > bytes.Length)
            {
                throw new InvalidDataException($"{path}: record at {offset - 16} runs past the end of the file.");
            }

            var time = TimeSpan.FromSeconds(seconds) + TimeSpan.FromTicks(nanoseconds ? fraction / 100 : fraction * 10L);
            var frame = bytes.AsSpan(offset, included);
            offset += included;
            if (TryReadUdp(frame, linkType, out var source, out var destination, out var payload))
            {
                datagrams.Add(new CapturedDatagram(time, source, destination, payload.ToArray()));
            }
        }

        return datagrams;
    }

    private static void ReadGlobalHeader(byte[] bytes, out bool bigEndian, out bool nanoseconds, out int linkType)
    {
        if (bytes.Length < 24)
        {
            throw new InvalidDataException("Not a pcap file: shorter than its global header.");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        (bigEndian, nanoseconds) = magic switch
        {
            0xA1B2C3D4 => (false, false),
            0xD4C3B2A1 => (true, false),
            0xA1B23C4D => (false, true),
            0x4D3CB2A1 => (true, true),
            _ => throw new InvalidDataException($"Not a classic pcap file (magic 0x{magic:X8})."),
        };
        linkType = (int)ReadUInt32(bytes.AsSpan(20), bigEndian);
    }

    private static bool TryReadUdp(ReadOnlySpan<byte> frame, int linkType, out IPEndPoint source, out IPEndPoint destination, out ReadOnlySpan<byte> payload)
    {
        source = destination = null!;
        payload = default;
        int etherType;
        ReadOnlySpan<byte> network;
        switch (linkType)
        {
            case LinkTypeEthernet when frame.Length >= 14:
                var offset = 12;
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
                while (etherType == 0x8100 && frame.Length >= offset + 6)
                {
                    offset += 4;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[offset..]);
                }

                network = frame[(offset + 2)..];
                break;
            case LinkTypeLinuxCooked when frame.Length >= 16:
                etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[14..]);
                network = frame[16..];
                break;
            default:
                return false;
        }

        if (etherType != 0x0800 || network.Length < 20 || network[0] >> 4 != 4)
        {
            return false;
        }

        var headerLength = (network[0] & 0x0F) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(network[2..]);
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(network[6..]);
        if (network[9] != 17 || (fragment & 0x3FFF) != 0 || totalLength > network.Length || headerLength + 8 > totalLength)
        {
            return false;
        }

        var udp = network[headerLength..totalLength];
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < 8 || udpLength > udp.Length)
        {
            return false;
        }

        source = new IPEndPoint(new IPAddress(network.Slice(12, 4)), BinaryPrimitives.ReadUInt16BigEndian(udp));
        destination = new IPEndPoint(new IPAddress(network.Slice(16, 4)), BinaryPrimitives.ReadUInt16BigEndian(udp[2..]));
        payload = udp[8..udpLength];
        return true;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> source, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);
}
