namespace ContactCenter.Media.Tests.Sdp;

/// <summary>RFC 4317 §5: third party call control, including hold by <c>c=0.0.0.0</c>.</summary>
public static partial class Rfc4317Vectors
{
    private static IEnumerable<Rfc4317Exchange> ThirdPartyCallControl()
    {
        yield return new("5.1", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0

            """, """
            v=0
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """);

        yield return new("5.2", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 23442 RTP/AVP 97
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
            o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """);

        yield return new("5.3", """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844564 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 9322 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=bob 2808844564 2808844565 IN IP4 host.biloxi.example.com
            s=
            c=IN IP4 host.biloxi.example.com
            t=0 0
            m=audio 49172 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, """
            v=0
            o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
            s=
            c=IN IP4 host.atlanta.example.com
            t=0 0
            m=audio 49170 RTP/AVP 97
            a=rtpmap:97 iLBC/8000

            """, SecondOfferByAnswerer: true);
    }
}
