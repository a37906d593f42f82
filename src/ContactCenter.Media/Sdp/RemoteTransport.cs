using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Where and how the remote wants a stream: its RTP and RTCP endpoints and its direction, with legacy hold
/// (<c>c=0.0.0.0</c>) folded into the direction. Read from the remote's description; refuses what the media
/// engine cannot use (host names, multicast, a type mismatch, no <c>c=</c>).
/// </summary>
internal sealed record RemoteTransport(IPEndPoint? Rtp, IPEndPoint? Rtcp, SdpDirection Direction, bool OffersRtcpMux)
{
    public static bool TryRead(
        SessionDescription session, MediaDescription media, bool acceptRtcpMux,
        out RemoteTransport transport, out SdpNegotiationError error, out string message)
    {
        transport = null!;
        error = SdpNegotiationError.UnsupportedAddress;
        var connection = media.EffectiveConnection(session);
        if (connection is null)
        {
            error = SdpNegotiationError.MissingConnection;
            message = $"the {media.MediaType} stream has no c= line at either level";
            return false;
        }

        if (!connection.NetworkType.Equals(SdpConnection.Internet, StringComparison.OrdinalIgnoreCase))
        {
            message = $"network type '{connection.NetworkType}' is not IN";
            return false;
        }

        if (connection.Ttl is not null || connection.AddressCount is not null || !connection.TryGetIPAddress(out var address))
        {
            message = $"connection address '{connection.FormatAddress()}' is not a unicast IP literal (host names are not resolved)";
            return false;
        }

        if (!SdpAddress.MatchesType(address, connection.AddressType))
        {
            message = $"connection address '{connection.Address}' does not match address type {connection.AddressType}";
            return false;
        }

        if (IsMulticast(address))
        {
            message = $"connection address '{connection.Address}' is multicast";
            return false;
        }

        var direction = media.EffectiveDirection(session);
        bool mux = acceptRtcpMux && media.RtcpMux;
        IPEndPoint? rtp = null;
        IPEndPoint? rtcp = null;
        if (connection.IsUnspecified)
        {
            // RFC 2543 hold: the remote does not want to receive. Nothing may be sent to it.
            direction = direction.Intersect(SdpDirection.SendOnly);
        }
        else
        {
            rtp = new IPEndPoint(address, media.Port);
            rtcp = mux ? rtp : RtcpEndpoint(media, address);
        }

        transport = new RemoteTransport(rtp, rtcp, direction, media.RtcpMux);
        error = SdpNegotiationError.None;
        message = "";
        return true;
    }

    private static IPEndPoint? RtcpEndpoint(MediaDescription media, IPAddress rtpAddress)
    {
        if (media.Rtcp is SdpRtcp rtcp)
        {
            var address = rtcp.IPAddress is IPAddress given && SdpAddress.MatchesType(given, rtcp.AddressType ?? "") && !IsMulticast(given)
                && !given.Equals(IPAddress.Any) && !given.Equals(IPAddress.IPv6Any)
                ? given
                : rtpAddress;
            return rtcp.Port == 0 ? null : new IPEndPoint(address, rtcp.Port);
        }

        return media.Port < ushort.MaxValue ? new IPEndPoint(rtpAddress, media.Port + 1) : null;
    }

    private static bool IsMulticast(IPAddress address) =>
        address.IsIPv6Multicast || (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && (address.GetAddressBytes()[0] & 0xF0) == 0xE0);
}
