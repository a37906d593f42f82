namespace ContactCenter.Media.Tests.Sdp;

/// <summary>RFC 4317 §3 (hold and resume) and §4 (adding and deleting streams).</summary>
public static partial class Rfc4317Vectors
{
    private static IEnumerable<Rfc4317Exchange> HoldAndResume()
    {
        yield return new("3.1", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0 97
            a=rtpmap:0 PCMU/8000
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 placeholder.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            a=sendonly

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49178 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, SecondOfferByAnswerer: true);

        yield return new("3.2", """
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

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            a=sendonly
            m=audio 49174 RTP/AVP 98
            a=rtpmap:98 telephone-event/8000
            a=recvonly

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0 97
            a=rtpmap:0 PCMU/8000
            a=rtpmap:97 iLBC/8000
            m=audio 49172 RTP/AVP 98
            a=rtpmap:98 telephone-event/8000
            a=sendonly

            """, SecondOfferByAnswerer: true);
    }

    private static IEnumerable<Rfc4317Exchange> AddAndDelete()
    {
        yield return new("4.1", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0 97
            a=rtpmap:0 PCMU/8000
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=audio 48282 RTP/AVP 98
            c=IN IP4 mediaserver.biloxi.example.com
            a=rtpmap:98 telephone-event/8000
            a=recvonly

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=audio 49172 RTP/AVP 98
            c=IN IP4 host.atlanta.example.com
            a=rtpmap:98 telephone-event/8000
            a=sendonly

            """, SecondOfferByAnswerer: true);

        yield return new("4.2", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0
            a=rtpmap:0 PCMU/8000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 0
            a=rtpmap:0 PCMU/8000

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 49172 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            m=video 49168 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """);

        yield return new("4.3", """
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
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49174 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=video 0 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000
            m=video 0 RTP/AVP 31
            a=rtpmap:31 H261/90000

            """, SecondOfferByAnswerer: true);
    }
}
