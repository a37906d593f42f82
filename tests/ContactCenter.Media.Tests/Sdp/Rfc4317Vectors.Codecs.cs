namespace ContactCenter.Media.Tests.Sdp;

/// <summary>RFC 4317 §2: codec negotiation and selection.</summary>
public static partial class Rfc4317Vectors
{
    private const string AliceOfferAudioVideo = """
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s=
        c=IN IP4 host.atlanta.example.com
        t=0 0
        m=audio 49170 RTP/AVP 0 8 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:97 iLBC/8000
        m=video 51372 RTP/AVP 31 32
        a=rtpmap:31 H261/90000
        a=rtpmap:32 MPV/90000

        """;

    private static IEnumerable<Rfc4317Exchange> CodecNegotiation()
    {
        yield return new("2.1", AliceOfferAudioVideo, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49174 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 49170 RTP/AVP 32
            a=rtpmap:32 MPV/90000

            """);

        yield return new("2.2", AliceOfferAudioVideo, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 0 8
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            m=video 0 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 51372 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 0 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 0 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """);

        yield return new("2.3", AliceOfferAudioVideo, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 99
            a=rtpmap:99 iLBC/8000
            m=video 51374 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """);

        yield return new("2.4", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0 97
            a=rtpmap:0 PCMU/8000
            a=rtpmap:97 iLBC/8000
            m=audio 49172 RTP/AVP 98
            a=rtpmap:98 telephone-event/8000
            a=sendonly

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=audio 49174 RTP/AVP 98
            a=rtpmap:98 telephone-event/8000
            a=recvonly

            """);

        yield return new("2.5", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=video 51372 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49174 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=video 49170 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 newhost.biloxi.example.com
            t=0 0
            m=audio 49178 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=video 49188 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=video 51372 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, SecondOfferByAnswerer: true);

        yield return new("2.6", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=audio 51372 RTP/AVP 97 101
            a=rtpmap:97 iLBC/8000
            a=rtpmap:101 telephone-event/8000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 0 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=audio 49170 RTP/AVP 97 101
            a=rtpmap:97 iLBC/8000
            a=rtpmap:101 telephone-event/8000

            """);

        yield return new("2.7", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 99
            a=rtpmap:99 iLBC/8000
            m=video 51372 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 99
            a=rtpmap:99 iLBC/8000
            m=video 51374 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 99
            a=rtpmap:99 iLBC/8000
            m=video 51372 RTP/AVP 31 32
            a=rtpmap:31 H261/90000
            a=rtpmap:32 MPV/90000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 99
            a=rtpmap:99 iLBC/8000
            m=video 51374 RTP/AVP 31 32
            a=rtpmap:31 H261/90000
            a=rtpmap:32 MPV/90000

            """);

        yield return new("2.8", AliceOfferAudioVideo, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49174 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 49172 RTP/AVP 32
            c=IN IP4 otherhost.biloxi.example.com
            a=rtpmap:32 MPV/90000

            """);
    }
}
