using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Tests.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventReceiverTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void NormalSequence_WithThreeEndPackets_YieldsOneDigit()
    {
        var receiver = new TelephoneEventReceiver(_time);

        Assert.Equal(TelephoneEventStatus.Started, Send(receiver, 1000, marker: true, 5, end: false, 0));
        for (ushort duration = 400; duration <= 1200; duration += 400)
        {
            Assert.Equal(TelephoneEventStatus.Updated, Send(receiver, 1000, marker: false, 5, end: false, duration));
        }

        Assert.Equal(TelephoneEventStatus.Ended, Send(receiver, 1000, marker: false, 5, end: true, 1600));
        Assert.Equal(TelephoneEventStatus.Duplicate, Send(receiver, 1000, marker: false, 5, end: true, 1600));
        Assert.Equal(TelephoneEventStatus.Duplicate, Send(receiver, 1000, marker: false, 5, end: true, 1600));

        var events = Drain(receiver);
        Assert.Equal(
            [
                new DtmfEvent(DtmfEventKind.Started, '5', TimeSpan.Zero, 1000, DtmfEndReason.None),
                new DtmfEvent(DtmfEventKind.Ended, '5', TimeSpan.FromMilliseconds(200), 1000, DtmfEndReason.EndBit),
            ],
            events);
        Assert.False(receiver.Poll());
    }

    [Fact]
    public void LostEndPackets_EndTheDigitOnTimeout()
    {
        var receiver = new TelephoneEventReceiver(_time, endTimeout: TimeSpan.FromMilliseconds(300));
        Send(receiver, 8000, true, 1, false, 0);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Send(receiver, 8000, false, 1, false, 400);

        _time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(receiver.Poll());
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(receiver.Poll());

        var ended = Drain(receiver).Single(e => e.Kind == DtmfEventKind.Ended);
        Assert.Equal(new DtmfEvent(DtmfEventKind.Ended, '1', TimeSpan.FromMilliseconds(50), 8000, DtmfEndReason.Timeout), ended);

        // The end packets arrive late after all: still the same keypress, not a second digit.
        Assert.Equal(TelephoneEventStatus.Duplicate, Send(receiver, 8000, false, 1, true, 800));
        Assert.Empty(Drain(receiver));
    }

    [Fact]
    public void LostEndPackets_EndTheDigitWhenTheNextEventStarts()
    {
        var receiver = new TelephoneEventReceiver(_time);
        Send(receiver, 1000, true, 3, false, 0);
        Send(receiver, 1000, false, 3, false, 320);

        Assert.Equal(TelephoneEventStatus.Started, Send(receiver, 3000, true, 4, false, 0));
        Send(receiver, 3000, false, 4, true, 640);

        var events = Drain(receiver);
        Assert.Equal(
            [
                (DtmfEventKind.Started, '3', DtmfEndReason.None),
                (DtmfEventKind.Ended, '3', DtmfEndReason.NewEvent),
                (DtmfEventKind.Started, '4', DtmfEndReason.None),
                (DtmfEventKind.Ended, '4', DtmfEndReason.EndBit),
            ],
            events.Select(e => (e.Kind, e.Digit, e.EndReason)));
        Assert.Equal(TimeSpan.FromMilliseconds(40), events[1].Duration);
    }

    [Fact]
    public void BackToBackSameDigit_IsTwoKeypresses()
    {
        var receiver = new TelephoneEventReceiver(_time);
        foreach (var timestamp in new uint[] { 16_000, 18_400 })
        {
            Send(receiver, timestamp, true, 7, false, 0);
            Send(receiver, timestamp, false, 7, false, 800);
            for (var i = 0; i < 3; i++)
            {
                Send(receiver, timestamp, false, 7, true, 1280);
            }
        }

        var ended = Drain(receiver).Where(e => e.Kind == DtmfEventKind.Ended).ToArray();
        Assert.Equal(2, ended.Length);
        Assert.All(ended, e => Assert.Equal('7', e.Digit));
        Assert.Equal([16_000u, 18_400u], ended.Select(e => e.StartTimestamp));
    }

    [Fact]
    public void MissingStartPackets_StillStartTheDigitOnce()
    {
        var receiver = new TelephoneEventReceiver(_time);

        Assert.Equal(TelephoneEventStatus.Started, Send(receiver, 500, false, 12, false, 960));
        Assert.Equal(TelephoneEventStatus.Ended, Send(receiver, 500, false, 12, true, 1600));

        Assert.Equal(['A', 'A'], Drain(receiver).Select(e => e.Digit));
    }

    [Fact]
    public void OnlyTheEndPacketsArrive_StartAndEndTogether()
    {
        var receiver = new TelephoneEventReceiver(_time);

        Assert.Equal(TelephoneEventStatus.StartedAndEnded, Send(receiver, 500, false, 11, true, 1600));
        Assert.Equal(TelephoneEventStatus.Duplicate, Send(receiver, 500, false, 11, true, 1600));

        var events = Drain(receiver);
        Assert.Equal(2, events.Count);
        Assert.Equal(new DtmfEvent(DtmfEventKind.Ended, '#', TimeSpan.FromMilliseconds(200), 500, DtmfEndReason.EndBit), events[1]);
    }

    [Fact]
    public void ReorderedUpdateOfAnOlderEvent_IsStale()
    {
        var receiver = new TelephoneEventReceiver(_time);
        Send(receiver, 1000, true, 1, true, 800);
        Send(receiver, 2000, true, 2, false, 0);

        Assert.Equal(TelephoneEventStatus.Stale, Send(receiver, 1000, false, 1, false, 400));
        Send(receiver, 2000, false, 2, true, 800);
        Assert.Equal(TelephoneEventStatus.Stale, Send(receiver, 1000, false, 1, true, 800));

        Assert.Equal(2, Drain(receiver).Count(e => e.Kind == DtmfEventKind.Ended));
    }

    [Fact]
    public void DurationsNeverShrink_WhenUpdatesAreReordered()
    {
        var receiver = new TelephoneEventReceiver(_time);
        Send(receiver, 1000, true, 0, false, 0);
        Send(receiver, 1000, false, 0, false, 1200);
        Send(receiver, 1000, false, 0, false, 800);
        _time.Advance(TimeSpan.FromSeconds(1));
        receiver.Poll();

        Assert.Equal(TimeSpan.FromMilliseconds(150), Drain(receiver).Last().Duration);
    }

    [Fact]
    public void LongEvent_ContinuesAcrossSegments()
    {
        var receiver = new TelephoneEventReceiver(_time);
        Send(receiver, 100, true, 9, false, 0);
        Send(receiver, 100, false, 9, false, 65535);

        Assert.Equal(TelephoneEventStatus.Updated, Send(receiver, 100 + 65535, false, 9, false, 800));
        Assert.Equal(TelephoneEventStatus.Ended, Send(receiver, 100 + 65535, false, 9, true, 8000));

        var ended = Drain(receiver).Single(e => e.Kind == DtmfEventKind.Ended);
        Assert.Equal(TimeSpan.FromTicks((65535 + 8000) * TimeSpan.TicksPerSecond / 8000), ended.Duration);
        Assert.Equal(100u, ended.StartTimestamp);
    }

    [Fact]
    public void MalformedAndNonDtmfPackets_AreIgnored()
    {
        var receiver = new TelephoneEventReceiver(_time);

        Assert.Equal(TelephoneEventStatus.Malformed, receiver.Receive(1, true, [1, 2, 3]));
        Assert.Equal(TelephoneEventStatus.NotDtmf, Send(receiver, 1, true, 36, false, 0));
        Send(receiver, 10, true, 1, false, 0);
        Assert.Equal(TelephoneEventStatus.Malformed, Send(receiver, 10, false, 2, false, 160));

        Assert.Equal(2, receiver.MalformedPackets);
        Assert.Single(Drain(receiver));
    }

    [Theory]
    [InlineData("dtmf_2833_0.pcap", '0')]
    [InlineData("dtmf_2833_1.pcap", '1')]
    [InlineData("dtmf_2833_2.pcap", '2')]
    [InlineData("dtmf_2833_3.pcap", '3')]
    [InlineData("dtmf_2833_4.pcap", '4')]
    [InlineData("dtmf_2833_5.pcap", '5')]
    [InlineData("dtmf_2833_6.pcap", '6')]
    [InlineData("dtmf_2833_7.pcap", '7')]
    [InlineData("dtmf_2833_8.pcap", '8')]
    [InlineData("dtmf_2833_9.pcap", '9')]
    [InlineData("dtmf_2833_star.pcap", '*')]
    [InlineData("dtmf_2833_pound.pcap", '#')]
    public void SippCapture_YieldsTheDigitExactlyOnce(string file, char digit)
    {
        var path = SipTesterCaptures.PathOf(file);
        Assert.Equal(PcapUdpReader.LinkTypeEthernet, PcapUdpReader.ReadLinkType(path));
        var datagrams = PcapUdpReader.Read(path);
        var receiver = new TelephoneEventReceiver(_time);
        var start = datagrams[0].Time;
        foreach (var datagram in datagrams)
        {
            _time.SetUtcNow(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) + (datagram.Time - start));
            Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(datagram.Payload, out var packet));
            Assert.Equal(101, packet.PayloadType);
            receiver.Receive(packet.Timestamp, packet.Marker, packet.Payload);
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(receiver.Poll());

        var events = Drain(receiver);
        var ended = Assert.Single(events, e => e.Kind == DtmfEventKind.Ended);
        Assert.Single(events, e => e.Kind == DtmfEventKind.Started);
        Assert.Equal(digit, ended.Digit);
        Assert.Equal(DtmfEndReason.EndBit, ended.EndReason);

        // Every sipp capture holds 280 ms events (duration 2240 at 8 kHz).
        Assert.Equal(TimeSpan.FromMilliseconds(280), ended.Duration);
    }

    private static TelephoneEventStatus Send(TelephoneEventReceiver receiver, uint timestamp, bool marker, byte code, bool end, ushort duration)
    {
        var payload = new byte[4];
        new TelephoneEventPayload(code, end, 10, duration).TryWrite(payload);
        return receiver.Receive(timestamp, marker, payload);
    }

    private static List<DtmfEvent> Drain(TelephoneEventReceiver receiver)
    {
        var events = new List<DtmfEvent>();
        while (receiver.TryReadEvent(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
