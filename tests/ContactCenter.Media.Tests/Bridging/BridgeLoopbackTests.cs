using ContactCenter.Media.Codecs;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;

namespace ContactCenter.Media.Tests.Bridging;

/// <summary>Two UDP "phones" on loopback talking through two legs and a bridge.</summary>
public sealed class BridgeLoopbackTests
{
    [Fact]
    public async Task SameCodec_RelaysPayloadsIntact_WithOurSsrcAndContinuousSequence_AcrossRebridge()
    {
        using var harness = new MediaTestHarness();
        using var phone1 = new UdpPhone();
        using var phone2 = new UdpPhone();
        var leg1 = harness.CreateLeg();
        var leg2 = harness.CreateLeg();
        Assert.True(leg1.AcceptOffer(phone1.Offer("0")).IsSuccess);
        Assert.True(leg2.AcceptOffer(phone2.Offer("0")).IsSuccess);
        var bridge = leg1.BridgeWith(leg2);
        var to1 = leg1.Endpoint.LocalRtpEndPoint;

        ushort? lastSequence = null;
        uint lastTimestamp = 0;
        for (var i = 0; i < 20; i++)
        {
            var payload = Payload(i);
            phone1.SendRtp(to1, new RtpHeader(0, (ushort)(65530 + i), (uint)(i * 160), 0x1111), payload);
            var got = await phone2.ReceiveRtpAsync();
            Assert.Equal(payload, got.Payload);
            Assert.Equal(leg2.Endpoint.Ssrc, got.Header.Ssrc);
            Assert.Equal((byte)0, got.Header.PayloadType);
            Assert.Equal(leg2.Endpoint.LocalRtpEndPoint, got.Source);
            if (lastSequence is ushort last)
            {
                Assert.Equal((ushort)(last + 1), got.Header.SequenceNumber);
                Assert.Equal(lastTimestamp + 160, got.Header.Timestamp);
            }

            lastSequence = got.Header.SequenceNumber;
            lastTimestamp = got.Header.Timestamp;
        }

        for (var wait = DateTime.UtcNow.AddSeconds(2); bridge.FirstToSecond.Relayed < 20 && DateTime.UtcNow < wait;) await Task.Delay(5);
        Assert.Equal(20, bridge.FirstToSecond.Relayed);

        // Re-bridge: the new source has another SSRC, sequence and timestamp base; the far end must not notice.
        leg1.Unbridge();
        Assert.Null(leg1.Bridge);
        var rebridge = leg1.BridgeWith(leg2);
        for (var i = 0; i < 5; i++)
        {
            var payload = Payload(100 + i);
            phone1.SendRtp(to1, new RtpHeader(0, (ushort)(300 + i), (uint)(9_000_000 + (i * 160)), 0x2222), payload);
            var got = await phone2.ReceiveRtpAsync();
            Assert.Equal(payload, got.Payload);
            Assert.Equal(leg2.Endpoint.Ssrc, got.Header.Ssrc);
            Assert.Equal((ushort)(lastSequence!.Value + 1), got.Header.SequenceNumber);
            Assert.Equal(i == 0, got.Header.Marker);
            Assert.True(RtpSequence.IsNewerTimestamp(got.Header.Timestamp, lastTimestamp));
            lastSequence = got.Header.SequenceNumber;
            lastTimestamp = got.Header.Timestamp;
        }

        // And the other way round, phone2 -> phone1.
        phone2.SendRtp(leg2.Endpoint.LocalRtpEndPoint, new RtpHeader(0, 7, 1600, 0x3333), Payload(7));
        var back = await phone1.ReceiveRtpAsync();
        Assert.Equal(Payload(7), back.Payload);
        Assert.Equal(leg1.Endpoint.Ssrc, back.Header.Ssrc);
        // The relay counts after it sends: the packet can reach phone1 a moment before the counter moves.
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (rebridge.SecondToFirst.Relayed < 1 && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.Equal(1, rebridge.SecondToFirst.Relayed);
        Assert.Equal(0, leg1.Endpoint.Counters.ProcessingFaults);
    }

    [Fact]
    public async Task TelephoneEvent_IsRelayedWithPayloadTypeMapping_AndReportedOnTheSourceLeg()
    {
        using var harness = new MediaTestHarness();
        using var phone1 = new UdpPhone();
        using var phone2 = new UdpPhone();
        var leg1 = harness.CreateLeg();
        var leg2 = harness.CreateLeg();
        Assert.True(leg1.AcceptOffer(phone1.Offer("0", telephoneEvent: 101)).IsSuccess);
        Assert.True(leg2.AcceptOffer(phone2.Offer("0", telephoneEvent: 96)).IsSuccess);
        var bridge = leg1.BridgeWith(leg2);

        byte[] start = [5, 10, 0, 160];
        byte[] end = [5, 0x80 | 10, 3, 32];
        phone1.SendRtp(leg1.Endpoint.LocalRtpEndPoint, new RtpHeader(101, 10, 8000, 0x1111, Marker: true), start);
        phone1.SendRtp(leg1.Endpoint.LocalRtpEndPoint, new RtpHeader(101, 11, 8000, 0x1111), end);
        var first = await phone2.ReceiveRtpAsync();
        var second = await phone2.ReceiveRtpAsync();
        Assert.Equal((byte)96, first.Header.PayloadType);
        Assert.Equal(start, first.Payload);
        Assert.Equal(end, second.Payload);
        Assert.Equal(first.Header.Timestamp, second.Header.Timestamp);
        Assert.Equal(2, bridge.FirstToSecond.TelephoneEventsRelayed);

        var started = await harness.NextEventAsync<DtmfReceivedEvent>();
        var ended = await harness.NextEventAsync<DtmfReceivedEvent>();
        Assert.Same(leg1, started.Leg);
        Assert.Equal('5', started.Dtmf.Digit);
        Assert.Equal(ContactCenter.Media.Dtmf.DtmfEventKind.Ended, ended.Dtmf.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(100), ended.Dtmf.Duration);
    }

    [Fact]
    public async Task DifferentCodecs_AreTranscodedOnTheTick_KeepingTheTone()
    {
        using var harness = new MediaTestHarness();
        using var phone1 = new UdpPhone();
        using var phone2 = new UdpPhone();
        var leg1 = harness.CreateLeg();
        var leg2 = harness.CreateLeg();
        Assert.True(leg1.AcceptOffer(phone1.Offer("0")).IsSuccess);
        Assert.True(leg2.AcceptOffer(phone2.Offer("8")).IsSuccess);
        var bridge = leg1.BridgeWith(leg2);

        const int frames = 6;
        var tone = Tone(1000, 8000, 160 * frames, amplitude: 8000);
        for (var i = 0; i < frames; i++)
        {
            var payload = new byte[160];
            MuLaw.Encode(tone.AsSpan(i * 160, 160), payload);
            phone1.SendRtp(leg1.Endpoint.LocalRtpEndPoint, new RtpHeader(0, (ushort)i, (uint)(i * 160), 0x1111), payload);
        }

        await MediaTestHarness.WaitUntilAsync(() => bridge.FirstToSecond.Transcoded == frames, "the packets to be decoded");
        Assert.Equal(0, bridge.FirstToSecond.Relayed);
        var received = new short[160 * frames];
        for (var i = 0; i < frames; i++)
        {
            harness.Engine.OnTick(i);
            var got = await phone2.ReceiveRtpAsync();
            Assert.Equal((byte)8, got.Header.PayloadType);
            Assert.Equal(leg2.Endpoint.Ssrc, got.Header.Ssrc);
            ALaw.Decode(got.Payload, received.AsSpan(i * 160, 160));
        }

        // A-law after µ-law keeps the tone within a fraction of a dB, and all of its energy stays at 1 kHz.
        Assert.InRange(Rms(received), Rms(tone) * 0.95, Rms(tone) * 1.05);
        Assert.True(Goertzel(received, 1000, 8000) > 0.9 * Energy(received), "the 1 kHz tone should carry the energy");
    }

    internal static byte[] Payload(int seed)
    {
        var payload = new byte[160];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)((seed * 31) + i);
        }

        return payload;
    }

    internal static short[] Tone(double frequency, int rate, int samples, double amplitude)
    {
        var tone = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            tone[i] = (short)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return tone;
    }

    internal static double Rms(ReadOnlySpan<short> samples) => Math.Sqrt(Energy(samples) / samples.Length);

    internal static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return sum;
    }

    // Energy at one frequency, scaled so a pure tone's value equals its total energy.
    internal static double Goertzel(ReadOnlySpan<short> samples, double frequency, int rate)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        foreach (var x in samples)
        {
            var s = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return 2 * power / samples.Length;
    }
}
