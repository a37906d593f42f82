namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>
/// A sipp UAC scenario: INVITE with a PCMA + telephone-event offer, ACK, then play captures with pauses, then BYE.
/// sipp cuts a playing capture short when the next play_pcap_audio starts, so each pause must cover its capture.
/// </summary>
internal static class SippPcapScenario
{
    public static string Build(IEnumerable<(string Capture, int PauseAfterMilliseconds)> captures)
    {
        var plays = string.Concat(captures.Select(c =>
            $"""
              <nop><action><exec play_pcap_audio="{c.Capture}"/></action></nop>
              <pause milliseconds="{c.PauseAfterMilliseconds}"/>

            """));
        return $$"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <scenario name="pcap into a media endpoint">
              <send retrans="500"><![CDATA[
            INVITE sip:media@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
            To: <sip:media@[remote_ip]:[remote_port]>
            Call-ID: [call_id]
            CSeq: 1 INVITE
            Contact: <sip:sipp@[local_ip]:[local_port]>
            Max-Forwards: 70
            Content-Type: application/sdp
            Content-Length: [len]

            v=0
            o=sipp 1 1 IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20

              ]]></send>
              <recv response="200" rtd="true"/>
              <send><![CDATA[
            ACK sip:media@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
            To: <sip:media@[remote_ip]:[remote_port]>[peer_tag_param]
            Call-ID: [call_id]
            CSeq: 1 ACK
            Max-Forwards: 70
            Content-Length: 0

              ]]></send>
            {{plays}}
              <send retrans="500"><![CDATA[
            BYE sip:media@[remote_ip]:[remote_port] SIP/2.0
            Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
            From: <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
            To: <sip:media@[remote_ip]:[remote_port]>[peer_tag_param]
            Call-ID: [call_id]
            CSeq: 2 BYE
            Max-Forwards: 70
            Content-Length: 0

              ]]></send>
              <recv response="200"/>
            </scenario>
            """;
    }
}
