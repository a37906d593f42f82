using System.Text;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>
/// Descriptions as phones and tools send them. The baresip ones were captured from baresip 1.0.0 (Debian 12) on
/// this machine: its INVITE offer, its answer to a sipp offer of PCMA/G722/PCMU/telephone-event, and its answer to
/// a sipp a=sendonly re-offer. The sipp ones are the SDP of sipp 3.6.1's built-in uac and uac_pcap scenarios with
/// their keywords filled in. The others are written in the shape those vendors' phones use (order of lines, names,
/// session names, where they put telephone-event and direction) with documentation addresses.
/// </summary>
public static class SdpVectors
{
    public const string BaresipOffer = """
        v=0
        o=- 1005482764 126135113 IN IP4 192.0.2.2
        s=-
        c=IN IP4 192.0.2.2
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 20012 RTP/AVP 0 8 9 96 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:9 G722/8000
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=rtcp-rsize
        a=ssrc:3515314674 cname:sip:1001@127.0.0.1
        a=minptime:20
        a=ptime:20

        """;

    /// <summary>baresip's answer to a sipp offer of "8 9 0 101": the common codecs kept in the offer's order.</summary>
    public const string BaresipAnswer = """
        v=0
        o=- 394048816 1838652353 IN IP4 192.0.2.2
        s=-
        c=IN IP4 192.0.2.2
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 20010 RTP/AVP 8 9 0 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=ssrc:703911816 cname:sip:1001@127.0.0.1:15080
        a=minptime:20
        a=ptime:20

        """;

    /// <summary>baresip's answer to a sendonly re-offer: recvonly, version + 1, same o= otherwise.</summary>
    public const string BaresipHoldAnswer = """
        v=0
        o=- 394048816 1838652354 IN IP4 192.0.2.2
        s=-
        c=IN IP4 192.0.2.2
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 20010 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=recvonly
        a=label:1
        a=ssrc:703911816 cname:sip:1001@127.0.0.1:15080
        a=minptime:20
        a=ptime:20

        """;

    /// <summary>sipp 3.6.1 <c>-sn uac</c>: PCMU and its rtpmap, nothing else.</summary>
    public const string SippUacOffer = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        """;

    /// <summary>sipp 3.6.1 <c>-sn uac_pcap</c>: PCMA and telephone-event with a list (0-11,16).</summary>
    public const string SippPcapOffer = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-11,16

        """;

    /// <summary>Yealink T4x style: "SDP data" session name, ptime and sendrecv before telephone-event.</summary>
    public const string YealinkOffer = """
        v=0
        o=- 20068 20068 IN IP4 192.0.2.21
        s=SDP data
        c=IN IP4 192.0.2.21
        t=0 0
        m=audio 11796 RTP/AVP 9 0 8 18 101
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=ptime:20
        a=sendrecv
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15

        """;

    /// <summary>The Yealink re-offer putting us on hold: same o= with version + 1, a=sendonly.</summary>
    public const string YealinkHoldOffer = """
        v=0
        o=- 20068 20069 IN IP4 192.0.2.21
        s=SDP data
        c=IN IP4 192.0.2.21
        t=0 0
        m=audio 11796 RTP/AVP 9 0 8 18 101
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=ptime:20
        a=sendonly
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15

        """;

    /// <summary>Polycom VVX style: session-level direction, G.722.1 at 102, telephone-event at 127, no ptime.</summary>
    public const string PolycomOffer = """
        v=0
        o=- 1700000000 1700000000 IN IP4 192.0.2.23
        s=Polycom IP Phone
        c=IN IP4 192.0.2.23
        t=0 0
        a=sendrecv
        m=audio 2222 RTP/AVP 9 102 0 8 18 127
        a=rtpmap:9 G722/8000
        a=rtpmap:102 G7221/16000
        a=fmtp:102 bitrate=32000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:127 telephone-event/8000

        """;

    /// <summary>Linphone style: opus/speex first, telephone-event at three rates, a=rtcp, rtcp-fb, rtcp-xr.</summary>
    public const string LinphoneOffer = """
        v=0
        o=1002 3567 1946 IN IP4 192.0.2.35
        s=Talk
        c=IN IP4 192.0.2.35
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        a=record:off
        m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp:7079 IN IP4 203.0.113.35
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr

        """;

    /// <summary>Grandstream GXP style: iLBC with mode, telephone-event last, direction at the end.</summary>
    public const string GrandstreamOffer = """
        v=0
        o=1001 8000 8000 IN IP4 192.0.2.50
        s=SIP Call
        c=IN IP4 192.0.2.50
        t=0 0
        m=audio 5004 RTP/AVP 0 8 9 18 97 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:9 G722/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:97 iLBC/8000
        a=fmtp:97 mode=20
        a=ptime:20
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv

        """;

    /// <summary>An Asterisk-style answer: one codec, telephone-event, ptime and maxptime.</summary>
    public const string AsteriskAnswer = """
        v=0
        o=- 1234567890 1234567891 IN IP4 203.0.113.10
        s=Asterisk
        c=IN IP4 203.0.113.10
        t=0 0
        m=audio 17540 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=maxptime:150
        a=sendrecv

        """;

    /// <summary>A phone with SDES-SRTP only (RTP/SAVP with a=crypto).</summary>
    public const string SrtpOffer = """
        v=0
        o=- 20070 20070 IN IP4 192.0.2.22
        s=SDP data
        c=IN IP4 192.0.2.22
        t=0 0
        m=audio 11800 RTP/SAVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz
        a=sendrecv

        """;

    /// <summary>A browser's offer (DTLS-SRTP, ICE, bundle): audio and video on UDP/TLS/RTP/SAVPF.</summary>
    public const string WebRtcOffer = """
        v=0
        o=- 4611731400430051336 2 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0 1
        a=msid-semantic: WMS
        m=audio 9 UDP/TLS/RTP/SAVPF 111 9 0 8 126
        c=IN IP4 0.0.0.0
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:GVWP
        a=ice-pwd:GoQbqNzclssPK7hZfTHBAZK3
        a=fingerprint:sha-256 F3:A4:D1:09:55:4A:73:84:21:4C:46:56:E1:05:E7:8B:47:45:5B:A0:0E:3F:30:14:D8:5F:36:95:A2:06:AA:48
        a=setup:actpass
        a=mid:0
        a=sendrecv
        a=rtcp-mux
        a=rtpmap:111 opus/48000/2
        a=fmtp:111 minptime=10;useinbandfec=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:126 telephone-event/8000
        m=video 9 UDP/TLS/RTP/SAVPF 96
        c=IN IP4 0.0.0.0
        a=mid:1
        a=rtpmap:96 VP8/90000

        """;

    /// <summary>The RFC 8866 §5 example, extended with every session-level field (e, p, b, r, z, k).</summary>
    public const string Rfc8866Full = """
        v=0
        o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1
        s=Call to John Smith
        i=SDP Offer #1
        u=http://www.jdoe.example.com/home.html
        e=Jane Doe <jane@jdoe.example.com>
        p=+1 617 555-6011
        c=IN IP4 198.51.100.1
        b=CT:128
        t=2873397496 2873404696
        r=7d 1h 0 25h
        r=604800 3600 0 90000
        z=2882844526 -1h 2898848070 0
        k=prompt
        a=recvonly
        m=audio 49170 RTP/AVP 0
        i=Audio line
        c=IN IP4 233.252.0.1/127
        b=AS:64
        b=TIAS:64000
        k=clear:secret
        m=audio 49180 RTP/AVP 0
        m=video 51372/2 RTP/AVP 99
        c=IN IP6 ff15::101/3
        a=rtpmap:99 h263-1998/90000

        """;

    /// <summary>CRLF line ends, as SDP is written on the wire.</summary>
    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n");

    /// <summary>The vector as wire bytes (CRLF).</summary>
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(Crlf(text));

    /// <summary>Every vector above that is canonical (writes back byte for byte), by name.</summary>
    public static TheoryData<string> CanonicalNames() =>
    [
        nameof(BaresipOffer), nameof(BaresipAnswer), nameof(BaresipHoldAnswer), nameof(SippUacOffer), nameof(SippPcapOffer),
        nameof(YealinkOffer), nameof(YealinkHoldOffer), nameof(PolycomOffer), nameof(LinphoneOffer), nameof(GrandstreamOffer),
        nameof(AsteriskAnswer), nameof(SrtpOffer), nameof(WebRtcOffer), nameof(Rfc8866Full),
    ];

    public static string ByName(string name) =>
        (string)typeof(SdpVectors).GetField(name)!.GetRawConstantValue()!;
}
