using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// The value of <c>a=rtcp</c> (RFC 3605): <c>&lt;port&gt; [IN IP4|IP6 &lt;address&gt;]</c>, used when RTCP is not on
/// the RTP port + 1 (typically behind NAT).
/// </summary>
public readonly record struct SdpRtcp(int Port, string? NetworkType = null, string? AddressType = null, string? Address = null)
{
    /// <summary>The address as an IP literal, when one is given and parses.</summary>
    public IPAddress? IPAddress => SdpAddress.TryParseLiteral(Address, out var ip) ? ip : null;

    /// <summary>Reads an attribute value; false for anything malformed (the attribute is then ignored).</summary>
    public static bool TryParse(string? value, out SdpRtcp rtcp)
    {
        rtcp = default;
        if (value is null) return false;
        var reader = new SdpFieldReader<char>(value.AsSpan());
        if (!reader.TryNext(out var portText) || !SdpNumbers.TryParsePort(portText, out int port)) return false;
        if (reader.IsAtEnd)
        {
            rtcp = new SdpRtcp(port);
            return true;
        }

        if (!reader.TryNext(out var netType) || !reader.TryNext(out var addrType) || !reader.TryNext(out var address) || !reader.IsAtEnd)
        {
            return false;
        }

        rtcp = new SdpRtcp(port, netType.ToString(), addrType.ToString(), address.ToString());
        return true;
    }
}
