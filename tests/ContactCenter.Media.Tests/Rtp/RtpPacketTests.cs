using ContactCenter.Media.Rtp;
using CsCheck;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpPacketTests
{
    // V=2 P=1 X=1 CC=2 | M=1 PT=96 | seq 0x1234 | ts 0xDEADBEEF | SSRC 0x01020304 | 2 CSRCs | extension 0xBEDE, one
    // word | 5 payload octets | 3 octets of padding.
    private static readonly byte[] FullPacket =
    [
        0xB2, 0xE0, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04,
        0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x22, 0x22,
        0xBE, 0xDE, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD,
        0x01, 0x02, 0x03, 0x04, 0x05,
        0x00, 0x00, 0x03,
    ];

    [Fact]
    public void TryParse_FullPacket_ReadsEveryField()
    {
        var status = RtpPacket.TryParse(FullPacket, out var packet);

        Assert.Equal(RtpParseStatus.Ok, status);
        Assert.True(packet.HasPadding);
        Assert.True(packet.HasExtension);
        Assert.Equal(2, packet.CsrcCount);
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, packet.Timestamp);
        Assert.Equal(0x01020304u, packet.Ssrc);
        Assert.Equal(0x11111111u, packet.GetCsrc(0));
        Assert.Equal(0x22222222u, packet.GetCsrc(1));
        Assert.Equal(0xBEDE, packet.ExtensionProfile);
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD }, packet.ExtensionData.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, packet.Payload.ToArray());
        Assert.Equal(28, packet.HeaderLength);
        Assert.Equal(3, packet.PaddingLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadCsrc(FullPacket, 2));
    }

    [Fact]
    public void TryParse_MinimalPacket_HasEmptyExtrasAndWholePayload()
    {
        byte[] bytes = [0x80, 0x00, 0xFF, 0xFF, 0, 0, 0, 160, 0, 0, 0, 7, 0xD5, 0xD5];

        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(bytes, out var packet));
        Assert.False(packet.Marker);
        Assert.Equal(0, packet.PayloadType);
        Assert.Equal(65535, packet.SequenceNumber);
        Assert.Equal(160u, packet.Timestamp);
        Assert.Equal(7u, packet.Ssrc);
        Assert.Equal(0, packet.CsrcCount);
        Assert.Equal(0, packet.ExtensionProfile);
        Assert.True(packet.ExtensionData.IsEmpty);
        Assert.Equal(new byte[] { 0xD5, 0xD5 }, packet.Payload.ToArray());
    }

    [Fact]
    public void TryParse_HeaderOnly_HasEmptyPayload()
    {
        byte[] bytes = [0x80, 0x08, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1];

        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(bytes, out var packet));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0 }, RtpParseStatus.TooShort)]
    [InlineData(new byte[] { 0x40, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpParseStatus.BadVersion)]
    [InlineData(new byte[] { 0xC0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 }, RtpParseStatus.BadVersion)]
    [InlineData(new byte[] { 0x81, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0 }, RtpParseStatus.CsrcOverrun)]
    [InlineData(new byte[] { 0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0 }, RtpParseStatus.ExtensionOverrun)]
    [InlineData(new byte[] { 0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4 }, RtpParseStatus.ExtensionOverrun)]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 0 }, RtpParseStatus.BadPadding)]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 4 }, RtpParseStatus.BadPadding)]
    public void TryParse_MalformedPacket_ReturnsTypedStatus(byte[] bytes, RtpParseStatus expected)
    {
        Assert.Equal(expected, RtpPacket.TryParse(bytes, out _));
    }

    [Fact]
    public void TryParse_PaddingCoveringWholePayload_IsAccepted()
    {
        byte[] bytes = [0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3];

        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(bytes, out var packet));
        Assert.True(packet.Payload.IsEmpty);
    }

    [Fact]
    public void TryParse_EveryTruncationOfFullPacket_FailsWithoutThrowing()
    {
        var expected = new Dictionary<int, RtpParseStatus>();
        for (var length = 0; length < FullPacket.Length; length++)
        {
            expected[length] = length switch
            {
                < 12 => RtpParseStatus.TooShort,
                < 20 => RtpParseStatus.CsrcOverrun,
                < 28 => RtpParseStatus.ExtensionOverrun,

                // The prefix's last octet is read as the padding count: payload octets 1..5 happen to fit the space
                // after the header exactly; 0xDD and the zero padding octets do not.
                >= 29 and <= 33 => RtpParseStatus.Ok,
                _ => RtpParseStatus.BadPadding,
            };
        }

        for (var length = 0; length < FullPacket.Length; length++)
        {
            Assert.Equal(expected[length], RtpPacket.TryParse(FullPacket.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrowsAndKeepsSlicesInside()
    {
        Gen.Byte.Array[0, 80].Sample(bytes =>
        {
            if (RtpPacket.TryParse(bytes, out var packet) == RtpParseStatus.Ok)
            {
                Assert.Equal(bytes.Length, packet.HeaderLength + packet.Payload.Length + packet.PaddingLength);
                Assert.Equal(2, bytes[0] >> 6);
            }
        });
    }

    [Fact]
    public void Writer_FullPacket_ProducesTheHandBuiltBytes()
    {
        var buffer = new byte[64];
        var writer = new RtpPacketWriter(buffer);

        Assert.True(writer.TryWriteHeader(new RtpHeader(96, 0x1234, 0xDEADBEEF, 0x01020304, Marker: true)));
        Assert.True(writer.TryAddCsrc(0x11111111));
        Assert.True(writer.TryAddCsrc(0x22222222));
        Assert.True(writer.TryWriteExtension(0xBEDE, [0xAA, 0xBB, 0xCC, 0xDD]));
        Assert.True(writer.TryWritePayload([1, 2, 3, 4, 5]));
        Assert.True(writer.TryWritePadding(3));

        Assert.Equal(FullPacket, writer.Written.ToArray());
    }

    [Fact]
    public void Writer_OutOfOrderOrOversized_RefusesAndKeepsLength()
    {
        var buffer = new byte[20];
        var writer = new RtpPacketWriter(buffer);

        Assert.False(writer.TryAddCsrc(1));
        Assert.False(writer.TryWritePayload([1]));
        Assert.True(writer.TryWriteHeader(new RtpHeader(0, 1, 2, 3)));
        Assert.False(writer.TryWriteHeader(new RtpHeader(0, 1, 2, 3)));
        Assert.False(writer.TryWriteExtension(1, [1, 2, 3]));
        Assert.True(writer.TryWritePayload([1, 2, 3, 4]));
        Assert.False(writer.TryAddCsrc(1));
        Assert.False(writer.TryWritePayload(new byte[5]));
        Assert.False(writer.TryWritePadding(0));
        Assert.True(writer.TryWritePadding(4));
        Assert.False(writer.TryWritePayload([1]));
        Assert.Equal(20, writer.Length);
        Assert.False(new RtpPacketWriter(new byte[11]).TryWriteHeader(new RtpHeader(0, 1, 2, 3)));
        Assert.False(new RtpPacketWriter(new byte[12]).TryWriteHeader(new RtpHeader(128, 1, 2, 3)));
    }

    [Fact]
    public void Writer_PayloadProducedInPlace_IsCountedByAdvance()
    {
        var buffer = new byte[32];
        var writer = new RtpPacketWriter(buffer);
        writer.TryWriteHeader(new RtpHeader(8, 10, 20, 30));
        writer.Remaining[..3].Fill(0x55);

        Assert.True(writer.TryAdvancePayload(3));
        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(writer.Written, out var packet));
        Assert.Equal(new byte[] { 0x55, 0x55, 0x55 }, packet.Payload.ToArray());
        Assert.False(writer.TryAdvancePayload(100));
    }

    [Fact]
    public void WriteThenParse_RoundTripsAnyHeader()
    {
        var gen = Gen.Select(Gen.Byte[0, 127], Gen.UShort, Gen.UInt, Gen.UInt, Gen.Bool, Gen.UInt.Array[0, 15], Gen.Byte.Array[0, 40], Gen.Int[0, 3]);
        gen.Sample((pt, seq, ts, ssrc, marker, csrcs, payload, extensionWords) =>
        {
            var buffer = new byte[1500];
            var writer = new RtpPacketWriter(buffer);
            Assert.True(writer.TryWriteHeader(new RtpHeader(pt, seq, ts, ssrc, marker)));
            foreach (var csrc in csrcs)
            {
                Assert.True(writer.TryAddCsrc(csrc));
            }

            var extension = new byte[extensionWords * 4];
            Array.Fill(extension, (byte)0x7A);
            if (extensionWords > 0)
            {
                Assert.True(writer.TryWriteExtension(0x1000, extension));
            }

            Assert.True(writer.TryWritePayload(payload));
            Assert.True(writer.TryWritePadding(1 + (payload.Length % 4)));

            Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(writer.Written, out var packet));
            Assert.Equal(new RtpHeader(pt, seq, ts, ssrc, marker), RtpHeader.From(packet));
            Assert.Equal(csrcs.Length, packet.CsrcCount);
            for (var i = 0; i < csrcs.Length; i++)
            {
                Assert.Equal(csrcs[i], packet.GetCsrc(i));
            }

            Assert.Equal(extensionWords > 0, packet.HasExtension);
            Assert.Equal(extension, packet.ExtensionData.ToArray());
            Assert.Equal(payload, packet.Payload.ToArray());
        });
    }

    [Fact]
    public void HeaderFields_EditInPlace()
    {
        var bytes = (byte[])FullPacket.Clone();

        RtpHeaderFields.SetSequenceNumber(bytes, 7);
        RtpHeaderFields.SetTimestamp(bytes, 8);
        RtpHeaderFields.SetSsrc(bytes, 9);
        RtpHeaderFields.SetMarker(bytes, false);
        RtpHeaderFields.SetPayloadType(bytes, 101);

        RtpPacket.TryParse(bytes, out var packet);
        Assert.Equal(new RtpHeader(101, 7, 8, 9, false), RtpHeader.From(packet));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, packet.Payload.ToArray());
    }

    private static uint ReadCsrc(byte[] bytes, int index)
    {
        RtpPacket.TryParse(bytes, out var packet);
        return packet.GetCsrc(index);
    }
}
