using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sdp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class MediaEngineTests
{
    [Fact]
    public void PortExhaustion_IsATypedError_AndDisposedLegsGiveTheirPortsBack()
    {
        using var harness = new MediaTestHarness(pairs: 2);
        var first = harness.CreateLeg();
        var second = harness.CreateLeg();
        var third = harness.Engine.CreateLeg();
        Assert.False(third.Succeeded);
        Assert.Equal(RtpPortAllocationError.Exhausted, third.Error);
        Assert.Equal(2, harness.Engine.PortsInUse);

        first.Dispose();
        first.Dispose();
        Assert.True(first.Endpoint.IsDisposed);
        Assert.Equal(1, harness.Engine.ActiveLegs);
        var again = harness.Engine.CreateLeg();
        Assert.True(again.Succeeded);
        again.Leg.Dispose();
        second.Dispose();
        Assert.Equal(0, harness.Engine.PortsInUse);
        Assert.Equal(0, harness.Engine.ActiveLegs);
    }

    [Fact]
    public void UnacceptableOffers_GiveTypedErrors_AndLeaveTheLegUnchanged()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        var noCodec = leg.AcceptOffer(phone.Offer("18", telephoneEvent: null));
        Assert.Equal(SdpNegotiationError.NoCommonCodec, noCodec.Error);
        Assert.Null(leg.Media);
        var garbage = leg.AcceptOffer(Encoding.ASCII.GetBytes("this is not SDP"));
        Assert.Equal(SdpNegotiationError.MalformedDescription, garbage.Error);
        var noOffer = leg.AcceptAnswer(phone.Offer("0"));
        Assert.Equal(SdpNegotiationError.NoOfferPending, noOffer.Error);
        Assert.Null(leg.Endpoint.Media);

        var answer = leg.AcceptOffer(phone.Offer("8 0"));
        Assert.True(answer.IsSuccess);
        var text = Encoding.ASCII.GetString(answer.AnswerBytes());
        Assert.Contains($"m=audio {leg.RtpPort} RTP/AVP 8 0 101", text);
        Assert.Contains("c=IN IP4 127.0.0.1", text);
        Assert.Equal("PCMA", leg.Endpoint.Media!.Codec.Name);
    }

    [Fact]
    public async Task OutgoingOffer_ThenAnswer_AppliesTheStream()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        var offer = leg.CreateOffer().ToString();
        Assert.Contains($"m=audio {leg.RtpPort} RTP/AVP 0 8 9 101", offer);
        var applied = leg.AcceptAnswer(phone.Offer("9", telephoneEvent: 101));
        Assert.True(applied.IsSuccess, applied.ToString());
        Assert.Equal("G722", leg.Endpoint.Media!.Codec.Name);

        // A 16 kHz player into a G.722 leg: one 160-octet payload per tick, continuous sequence and timestamps.
        leg.Play(new ConstantSource(AudioFormat.Wideband));
        var previous = default(ReceivedRtp);
        for (var tick = 0; tick < 5; tick++)
        {
            harness.Engine.OnTick(tick);
            var got = await phone.ReceiveRtpAsync();
            Assert.Equal((byte)9, got.Header.PayloadType);
            Assert.Equal(160, got.Payload.Length);
            if (previous is not null)
            {
                Assert.Equal((ushort)(previous.Header.SequenceNumber + 1), got.Header.SequenceNumber);
                Assert.Equal(previous.Header.Timestamp + 160, got.Header.Timestamp);
            }

            previous = got;
        }

        leg.StopPlaying();
        harness.Engine.OnTick(9);
        Assert.True(await phone.NothingArrivesAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task RecordingTap_GetsInboundFrames_AndSilenceWhilePaused()
    {
        using var harness = new MediaTestHarness();
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0")).IsSuccess);
        var sink = new CollectingSink();
        leg.StartRecording(sink);
        Assert.Equal(RecordingState.Recording, leg.RecordingState);

        var payload = new byte[160];
        ContactCenter.Media.Codecs.MuLaw.Encode(ContactCenter.Media.Tests.Bridging.BridgeLoopbackTests.Tone(500, 8000, 160, 5000), payload);
        phone.SendRtp(leg.Endpoint.LocalRtpEndPoint, new RtpHeader(0, 1, 0, 0x600D), payload);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.RtpReceived == 1, "the packet");
        await MediaTestHarness.WaitUntilAsync(() => { harness.Engine.OnTick(0); return sink.Frames.Count > 0 && !sink.Frames[^1].Silent; }, "an audible frame");
        Assert.InRange(ContactCenter.Media.Tests.Bridging.BridgeLoopbackTests.Rms(sink.Frames[^1].Samples), 3000, 4000);

        leg.PauseRecording();
        Assert.Equal(RecordingState.Paused, leg.RecordingState);
        phone.SendRtp(leg.Endpoint.LocalRtpEndPoint, new RtpHeader(0, 2, 160, 0x600D), payload);
        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.RtpReceived == 2, "the second packet");
        var before = sink.Frames.Count;
        harness.Engine.OnTick(1);
        Assert.Equal(before + 1, sink.Frames.Count);
        Assert.True(sink.Frames[^1].Silent);
        Assert.All(sink.Frames[^1].Samples, s => Assert.Equal(0, s));
        leg.StopRecording();
        Assert.Equal(RecordingState.Stopped, leg.RecordingState);
    }

    [Fact]
    public async Task Rtcp_ReportsAreSent_AndThePeersReportFeedsTheQualityReport()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(time: time);
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0")).IsSuccess);
        for (ushort i = 0; i < 10; i++)
        {
            phone.SendRtp(leg.Endpoint.LocalRtpEndPoint, new RtpHeader(0, i, i * 160u, 0x600D), new byte[160]);
        }

        await MediaTestHarness.WaitUntilAsync(() => leg.Endpoint.Counters.RtpReceived == 10, "the packets");
        time.Advance(TimeSpan.FromSeconds(8));
        harness.Engine.OnTick(1);
        var buffer = new byte[512];
        using var cancel = new CancellationTokenSource(UdpPhone.ReceiveTimeout);
        var received = await phone.Rtcp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancel.Token);
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(buffer.AsSpan(0, received.ReceivedBytes), out var reader));
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(RtcpParseStatus.Ok, RtcpReceiverReport.TryParse(first, out var report));
        Assert.Equal(leg.Endpoint.Ssrc, report.Ssrc);
        Assert.Equal(1, report.ReportCount);
        Assert.Equal(0x600Du, report.GetReportBlock(0).Ssrc);
        Assert.True(reader.TryReadNext(out var sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.PacketType);

        // The phone reports 5% loss of our stream.
        var rr = new byte[64];
        var writer = new RtcpCompoundWriter(rr);
        Assert.True(writer.TryWriteReceiverReport(0x600D, [new RtcpReportBlock(leg.Endpoint.Ssrc, 13, 5, 100, 80, 0, 0)]));
        phone.Rtcp.SendTo(writer.Written, SocketFlags.None, leg.Endpoint.LocalRtcpEndPoint);
        await MediaTestHarness.WaitUntilAsync(() => leg.GetQualityReport().HasRemoteReport, "the peer's report");
        var quality = leg.GetQualityReport();
        Assert.Equal(5, quality.Outbound.PacketsLost);
        Assert.Equal(10, quality.Inbound.Packets);
        Assert.Equal(10.0, quality.Outbound.JitterMilliseconds, 3);
        Assert.InRange(quality.Inbound.Quality.Mos, 4.0, 4.5);
    }

    private sealed class CollectingSink : IAudioSink
    {
        public AudioFormat Format => AudioFormat.Narrowband;

        public List<(short[] Samples, bool Silent)> Frames { get; } = [];

        public void WriteFrame(ReadOnlySpan<short> frame, bool silent) => Frames.Add((frame.ToArray(), silent));
    }
}
