using System.Net;

namespace ContactCenter.Media.Ports;

/// <summary>Whoever holds a port pair now: its receive loops hand every datagram to it.</summary>
internal interface IRtpDatagramHandler
{
    /// <summary>A datagram from <paramref name="source"/> on the RTP socket or, when <paramref name="onRtcpSocket"/>, the RTCP one.</summary>
    void OnDatagram(Span<byte> datagram, SocketAddress source, bool onRtcpSocket);
}
