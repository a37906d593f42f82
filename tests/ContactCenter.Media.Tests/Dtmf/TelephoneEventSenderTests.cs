using ContactCenter.Media.Dtmf;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventSenderTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void OneDigit_StartMarkerUpdatesEvery50MsAndThreeEndPackets()
    {
        var sender = new TelephoneEventSender(_time);
        Assert.True(sender.TryEnqueue('5', TimeSpan.FromMilliseconds(200)));

        var packets = Run(sender, TimeSpan.FromMilliseconds(400), streamTimestampAt: _ => 4000);

        Assert.Equal(
            [
                (0, true, false, (ushort)0),
                (50, false, false, (ushort)400),
                (100, false, false, (ushort)800),
                (150, false, false, (ushort)1200),
                (200, false, true, (ushort)1600),
                (200, false, true, (ushort)1600),
                (200, false, true, (ushort)1600),
            ],
            packets.Select(p => (p.AtMs, p.Packet.Marker, p.Packet.Payload.IsEnd, p.Packet.Payload.Duration)));
        Assert.All(packets, p => Assert.Equal(4000u, p.Packet.Timestamp));
        Assert.All(packets, p => Assert.Equal(5, p.Packet.Payload.EventCode));
        Assert.All(packets, p => Assert.Equal(10, p.Packet.Payload.Volume));
        Assert.True(sender.IsIdle);
    }

    [Fact]
    public void QueuedDigits_AreSeparatedByTheGapAndGetTheirOwnTimestamps()
    {
        var sender = new TelephoneEventSender(_time, interDigitGap: TimeSpan.FromMilliseconds(60));
        Assert.True(sender.TryEnqueue('1', TimeSpan.FromMilliseconds(100)));
        Assert.True(sender.TryEnqueue('#', TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, sender.QueuedDigits);

        var packets = Run(sender, TimeSpan.FromMilliseconds(600), streamTimestampAt: ms => (uint)(ms * 8));

        var starts = packets.Where(p => p.Packet.Marker).ToArray();
        Assert.Equal(2, starts.Length);
        Assert.Equal(0, starts[0].AtMs);
        Assert.Equal(160, starts[1].AtMs);
        Assert.Equal(0u, starts[0].Packet.Timestamp);
        Assert.Equal(1280u, starts[1].Packet.Timestamp);
        Assert.Equal(3, packets.Count(p => p.Packet.Payload.IsEnd && p.Packet.Payload.EventCode == 11));
        Assert.All(packets.Where(p => p.Packet.Payload.EventCode == 11), p => Assert.Equal(1280u, p.Packet.Timestamp));
    }

    [Fact]
    public void SenderOutput_FedToTheReceiver_YieldsEachDigitOnce()
    {
        var sender = new TelephoneEventSender(_time);
        foreach (var digit in "0123456789*#ABCD")
        {
            Assert.True(sender.TryEnqueue(digit, TimeSpan.FromMilliseconds(120)));
        }

        var receiver = new TelephoneEventReceiver(_time);
        var buffer = new byte[4];
        var digits = new List<char>();
        for (var elapsed = 0; elapsed < 5000 && !sender.IsIdle; elapsed += 20)
        {
            while (sender.TryGetNextPacket((uint)(elapsed * 8), out var packet))
            {
                packet.Payload.TryWrite(buffer);
                receiver.Receive(packet.Timestamp, packet.Marker, buffer);
            }

            while (receiver.TryReadEvent(out var e))
            {
                if (e.Kind == DtmfEventKind.Ended)
                {
                    digits.Add(e.Digit);
                    Assert.Equal(TimeSpan.FromMilliseconds(120), e.Duration);
                }
            }

            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(0, receiver.DroppedEvents);
        Assert.Equal("0123456789*#ABCD", new string(digits.ToArray()));
    }

    [Fact]
    public void InvalidDigitsOrDurations_AndAFullQueue_AreRefused()
    {
        var sender = new TelephoneEventSender(_time, queueCapacity: 2);

        Assert.False(sender.TryEnqueue('X', TimeSpan.FromMilliseconds(100)));
        Assert.False(sender.TryEnqueue('1', TimeSpan.FromMilliseconds(20)));
        Assert.False(sender.TryEnqueue('1', TimeSpan.FromSeconds(9)));
        Assert.True(sender.TryEnqueue('1', TimeSpan.FromMilliseconds(100)));
        Assert.True(sender.TryEnqueue('2', TimeSpan.FromMilliseconds(100)));
        Assert.False(sender.TryEnqueue('3', TimeSpan.FromMilliseconds(100)));

        sender.ClearQueue();
        Assert.True(sender.IsIdle);
        Assert.False(sender.TryGetNextPacket(0, out _));
    }

    private List<(int AtMs, TelephoneEventPacket Packet)> Run(TelephoneEventSender sender, TimeSpan length, Func<int, uint> streamTimestampAt)
    {
        var packets = new List<(int, TelephoneEventPacket)>();
        for (var elapsed = TimeSpan.Zero; elapsed <= length; elapsed += Tick)
        {
            var ms = (int)elapsed.TotalMilliseconds;
            while (sender.TryGetNextPacket(streamTimestampAt(ms), out var packet))
            {
                packets.Add((ms, packet));
            }

            _time.Advance(Tick);
        }

        return packets;
    }
}
