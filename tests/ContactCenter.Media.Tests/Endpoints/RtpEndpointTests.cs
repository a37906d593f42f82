using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Bridging;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class RtpEndpointTests
{
    [Fact]
    public async Task Latching_IgnoresASpoofedSource_AndCountsIt()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        using var spoofer = new UdpPhone();
        var leg = harness.CreateLeg();
        var to = leg.Endpoint.LocalRtpEndPoint;

        // Before any SDP is applied nothing is accepted, whoever sends it.
        spoofer.SendRtp(to, new RtpHeader(0, 1, 0, 0xBAD), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.IgnoredBeforeNegotiation == 1, "the early packet to be ignored");

        Assert.True(leg.AcceptOffer(phone.Offer("0")).IsSuccess);
        phone.SendRtp(to, new RtpHeader(0, 1, 0, 0x600D), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.IsLatched, "the latch");
        Assert.Equal(phone.RtpEndPoint, leg.Endpoint.RemoteEndPoint);

        for (var i = 0; i < 5; i++)
        {
            spoofer.SendRtp(to, new RtpHeader(0, (ushort)(100 + i), 0, 0xBAD), new byte[160]);
        }

        spoofer.SendRtp(to, new RtpHeader(99, 200, 0, 0xBAD), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.IgnoredForeignSource == 5, "the spoofed packets to be counted");
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.IgnoredPayloadType == 1, "the unknown payload type");
        Assert.Equal(phone.RtpEndPoint, leg.Endpoint.RemoteEndPoint);

        // What we send still goes to the genuine phone.
        leg.Play(new ConstantSource());
        harness.Engine.OnTick(0);
        var got = await phone.ReceiveRtpAsync();
        Assert.Equal(leg.Endpoint.Ssrc, got.Header.Ssrc);
    }

    [Fact]
    public async Task StrictLatching_IgnoresAnotherAddressBeforeTheFirstPacket()
    {
        using var harness = new MediaTestHarness(endpoint: new RtpEndpointOptions { LatchOnlyFromSignaledAddress = true });
        using var phone = new UdpPhone();
        using var stranger = new UdpPhone(IPAddress.Parse("127.0.0.2"));
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0")).IsSuccess);
        var to = leg.Endpoint.LocalRtpEndPoint;

        stranger.SendRtp(to, new RtpHeader(0, 1, 0, 0xBAD), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.IgnoredUnexpectedSource == 1, "the stranger to be ignored");
        Assert.False(leg.Endpoint.IsLatched);

        phone.SendRtp(to, new RtpHeader(0, 1, 0, 0x600D), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.IsLatched, "the latch");
        Assert.Equal(phone.RtpEndPoint, leg.Endpoint.RemoteEndPoint);
    }

    [Fact]
    public async Task MalformedRtpAndRtcp_AreDroppedAndCounted_AndTheStreamGoesOn()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0")).IsSuccess);
        var to = leg.Endpoint.LocalRtpEndPoint;

        phone.SendRaw(to, [0x80, 0x00, 0x01]);                                   // too short
        phone.SendRaw(to, [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);              // version 1
        phone.SendRaw(to, [0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);              // 15 CSRCs announced, none present
        phone.SendRaw(to, [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 200]); // padding longer than the packet
        phone.Rtcp.SendTo(new byte[] { 0x80, 200, 0, 50, 1, 2, 3, 4 }, SocketFlags.None, leg.Endpoint.LocalRtcpEndPoint);
        phone.Rtcp.SendTo(new byte[] { 0x80, 202, 0, 1, 1, 2, 3, 4 }, SocketFlags.None, leg.Endpoint.LocalRtcpEndPoint);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.RtpMalformed == 4, "the malformed RTP to be counted");
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.RtcpMalformed == 2, "the malformed RTCP to be counted");

        phone.SendRtp(to, new RtpHeader(0, 1, 0, 0x600D), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.IsLatched, "a valid packet after the garbage");
        Assert.Equal(0, leg.Endpoint.Counters.ProcessingFaults);
    }

    [Fact]
    public async Task Rfc4733Packets_GiveEachDigitOnce_WithItsDuration()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("8", telephoneEvent: 101)).IsSuccess);
        var to = leg.Endpoint.LocalRtpEndPoint;
        ushort sequence = 500;
        foreach (var (digit, code, timestamp) in new[] { ('7', (byte)7, 16000u), ('#', (byte)11, 24000u) })
        {
            phone.SendRtp(to, new RtpHeader(101, sequence++, timestamp, 0x600D, Marker: true), [code, 10, 0, 0]);
            phone.SendRtp(to, new RtpHeader(101, sequence++, timestamp, 0x600D), [code, 10, 0, 160]);
            for (var i = 0; i < 3; i++)
            {
                phone.SendRtp(to, new RtpHeader(101, sequence++, timestamp, 0x600D), [code, 0x80 | 10, 3, 32]);
            }

            var started = await harness.NextEventAsync<DtmfReceivedEvent>();
            var ended = await harness.NextEventAsync<DtmfReceivedEvent>();
            Assert.Equal((DtmfEventKind.Started, digit), (started.Dtmf.Kind, started.Dtmf.Digit));
            Assert.Equal((DtmfEventKind.Ended, digit, DtmfEndReason.EndBit), (ended.Dtmf.Kind, ended.Dtmf.Digit, ended.Dtmf.EndReason));
            Assert.Equal(TimeSpan.FromMilliseconds(100), ended.Dtmf.Duration);
        }

        // The two duplicate end packets of the last digit must not produce more events.
        phone.SendRtp(to, new RtpHeader(8, sequence, 30000, 0x600D), new byte[160]);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.RtpReceived == 11, "the last packet");
        Assert.False(harness.Events.Reader.TryRead(out _));
    }

    [Fact]
    public async Task InBandDtmf_IsDetectedOnG711_WhenNoTelephoneEventWasNegotiated()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0", telephoneEvent: null)).IsSuccess);
        var tone = new short[160 * 10];
        var low = BridgeLoopbackTests.Tone(852, 8000, tone.Length, 6000);
        var high = BridgeLoopbackTests.Tone(1477, 8000, tone.Length, 6000);
        for (var i = 0; i < tone.Length; i++)
        {
            tone[i] = (short)(low[i] + high[i]);
        }

        for (var i = 0; i < 15; i++)
        {
            var payload = new byte[160];
            ContactCenter.Media.Codecs.MuLaw.Encode(i < 10 ? tone.AsSpan(i * 160, 160) : new short[160], payload);
            phone.SendRtp(leg.Endpoint.LocalRtpEndPoint, new RtpHeader(0, (ushort)i, (uint)(i * 160), 0x600D), payload);
        }

        var started = await harness.NextEventAsync<DtmfReceivedEvent>();
        var ended = await harness.NextEventAsync<DtmfReceivedEvent>();
        Assert.Equal(('9', DtmfEventKind.Started), (started.Dtmf.Digit, started.Dtmf.Kind));
        Assert.Equal(('9', DtmfEventKind.Ended), (ended.Dtmf.Digit, ended.Dtmf.Kind));
        Assert.InRange(ended.Dtmf.Duration.TotalMilliseconds, 150, 250);
    }

    [Fact]
    public async Task SendDtmf_EmitsRfc4733Packets_WithThreeEndPackets()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        using var harness = new MediaTestHarness(time: time);
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0", telephoneEvent: 100)).IsSuccess);
        Assert.Equal(DtmfSendResult.Queued, leg.SendDtmf('4', TimeSpan.FromMilliseconds(100)));
        Assert.Equal(DtmfSendResult.Rejected, leg.SendDtmf('X'));

        var packets = new List<ReceivedRtp>();
        for (var tick = 0; tick < 15 && packets.Count(p => (p.Payload[1] & 0x80) != 0) < 3; tick++)
        {
            harness.Engine.OnTick(tick);
            time.Advance(TimeSpan.FromMilliseconds(20));
            packets.AddRange(await DrainAsync(phone));
        }

        Assert.All(packets, p => Assert.Equal((byte)100, p.Header.PayloadType));
        Assert.True(packets[0].Header.Marker);
        Assert.All(packets, p => Assert.Equal((byte)4, p.Payload[0]));
        Assert.All(packets, p => Assert.Equal(packets[0].Header.Timestamp, p.Header.Timestamp));
        Assert.Equal(3, packets.Count(p => (p.Payload[1] & 0x80) != 0));
        Assert.Equal(800, (packets[^1].Payload[2] << 8) | packets[^1].Payload[3]);
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Header.SequenceNumber + 1), packets[i].Header.SequenceNumber);
        }
    }

    [Fact]
    public async Task Inactivity_IsReportedOnce_AndNotWhileHeld()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        using var harness = new MediaTestHarness(time: time, endpoint: new RtpEndpointOptions { InactivityTimeout = TimeSpan.FromSeconds(2) });
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0")).IsSuccess);

        time.Advance(TimeSpan.FromSeconds(1));
        harness.Engine.OnTick(1);
        Assert.False(harness.Events.Reader.TryRead(out _));
        time.Advance(TimeSpan.FromSeconds(1.5));
        harness.Engine.OnTick(2);
        var timeout = await harness.NextEventAsync<MediaTimeoutEvent>();
        Assert.Same(leg, timeout.Leg);
        harness.Engine.OnTick(3);
        Assert.False(harness.Events.Reader.TryRead(out _));

        var hold = leg.Hold();
        Assert.Contains("a=sendonly", hold.ToString());
        Assert.True(leg.Endpoint.IsHeld);
        time.Advance(TimeSpan.FromSeconds(10));
        harness.Engine.OnTick(4);
        Assert.False(harness.Events.Reader.TryRead(out _));
        var held = leg.AcceptAnswer(phone.Offer("0", direction: "recvonly"));
        Assert.True(held.IsSuccess, held.ToString());
        Assert.False(held.Media.CanReceive);
        time.Advance(TimeSpan.FromSeconds(10));
        harness.Engine.OnTick(5);
        Assert.False(harness.Events.Reader.TryRead(out _));

        leg.Resume();
        Assert.True(leg.AcceptAnswer(phone.Offer("0")).IsSuccess);
        time.Advance(TimeSpan.FromSeconds(3));
        harness.Engine.OnTick(6);
        await harness.NextEventAsync<MediaTimeoutEvent>();
    }

    [Fact]
    public async Task RemoteHold_PausesInactivity_AndStopsSending()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        using var harness = new MediaTestHarness(time: time, endpoint: new RtpEndpointOptions { InactivityTimeout = TimeSpan.FromSeconds(2) });
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        var answer = leg.AcceptOffer(phone.Offer("0", direction: "inactive"));
        Assert.True(answer.IsSuccess);
        Assert.Contains("a=inactive", answer.Answer!.ToString());
        leg.Play(new ConstantSource());
        time.Advance(TimeSpan.FromSeconds(5));
        harness.Engine.OnTick(1);
        Assert.False(harness.Events.Reader.TryRead(out _));
        Assert.True(await phone.NothingArrivesAsync(TimeSpan.FromMilliseconds(100)));
    }

    private static async Task<List<ReceivedRtp>> DrainAsync(UdpPhone phone)
    {
        var list = new List<ReceivedRtp>();
        while (phone.Rtp.Available > 0 || list.Count == 0)
        {
            try
            {
                list.Add(await phone.ReceiveRtpAsync(TimeSpan.FromMilliseconds(list.Count == 0 ? 100 : 50)));
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return list;
    }
}
