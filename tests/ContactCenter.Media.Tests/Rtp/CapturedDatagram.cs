using System.Net;

namespace ContactCenter.Media.Tests.Rtp;

/// <summary>One UDP datagram from a capture file, with its capture time since the Unix epoch.</summary>
internal sealed record CapturedDatagram(TimeSpan Time, IPEndPoint Source, IPEndPoint Destination, byte[] Payload);
