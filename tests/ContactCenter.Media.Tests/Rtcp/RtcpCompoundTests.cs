using ContactCenter.Media.Rtcp;
using CsCheck;

namespace ContactCenter.Media.Tests.Rtcp;

public sealed class RtcpCompoundTests
{
    [Fact]
    public void SenderReportWithSdes_ParsesEveryField()
    {
        var bytes = RtcpVectors.SenderReportWithSdes();

        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(bytes, out var reader));
        Assert.True(reader.TryReadNext(out var first));
        Assert.Equal(RtcpPacketType.SenderReport, first.PacketType);
        Assert.Equal(RtcpParseStatus.Ok, RtcpSenderReport.TryParse(first, out var sr));
        Assert.Equal(0x11223344u, sr.Ssrc);
        Assert.Equal(new RtcpSenderInfo(new NtpTimestamp(0xE8A1B2C3_80000000), 0x12345, 100, 16000), sr.SenderInfo);
        Assert.Equal(1, sr.ReportCount);
        Assert.Equal(new RtcpReportBlock(0x55667788, 25, -2, 0x1FFFF, 40, 0xB7052000, 0x54000), sr.GetReportBlock(0));

        Assert.True(reader.TryReadNext(out var second));
        Assert.Equal(RtcpPacketType.SourceDescription, second.PacketType);
        Assert.True(RtcpSdesReader.TryFindCanonicalName(second, out var ssrc, out var cname));
        Assert.Equal(0x11223344u, ssrc);
        Assert.Equal("bob@example"u8.ToArray(), cname.ToArray());
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Writer_ProducesTheHandBuiltSenderReportWithSdes()
    {
        var buffer = new byte[200];
        var writer = new RtcpCompoundWriter(buffer);

        Assert.True(writer.TryWriteSenderReport(
            0x11223344,
            new RtcpSenderInfo(new NtpTimestamp(0xE8A1B2C3_80000000), 0x12345, 100, 16000),
            [new RtcpReportBlock(0x55667788, 25, -2, 0x1FFFF, 40, 0xB7052000, 0x54000)]));
        Assert.True(writer.TryWriteSourceDescription(0x11223344, "bob@example"u8));

        Assert.Equal(RtcpVectors.SenderReportWithSdes(), writer.Written.ToArray());
    }

    [Fact]
    public void ReceiverReport_UnknownType_AndBye_AreReadInOrder()
    {
        var bytes = RtcpVectors.ReceiverReportWithUnknownAndBye();
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(bytes, out var reader));

        Assert.True(reader.TryReadNext(out var rrPacket));
        Assert.Equal(RtcpParseStatus.Ok, RtcpReceiverReport.TryParse(rrPacket, out var rr));
        Assert.Equal(0x0A0B0C0Du, rr.Ssrc);
        Assert.Equal(2, rr.ReportCount);
        Assert.Equal(new RtcpReportBlock(1, 0, 0, 1000, 0, 0, 0), rr.GetReportBlock(0));
        Assert.Equal(new RtcpReportBlock(2, 0xFF, RtcpReportBlock.MaxCumulativeLost, 0x20010, 256, 0x12345678, 0x10000), rr.GetReportBlock(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadBlock(bytes, 2));

        Assert.True(reader.TryReadNext(out var unknown));
        Assert.Equal(207, unknown.Type);
        Assert.Equal(RtcpParseStatus.WrongType, RtcpSenderReport.TryParse(unknown, out _));
        Assert.Equal(0x0A0B0C0Du, unknown.FirstWord);

        Assert.True(reader.TryReadNext(out var byePacket));
        Assert.Equal(RtcpParseStatus.Ok, RtcpGoodbye.TryParse(byePacket, out var bye));
        Assert.Equal(1, bye.SourceCount);
        Assert.Equal(0x0A0B0C0Du, bye.GetSource(0));
        Assert.Equal("gone"u8.ToArray(), bye.Reason.ToArray());
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void Writer_ReceiverReportAndBye_RoundTrip()
    {
        var buffer = new byte[300];
        var writer = new RtcpCompoundWriter(buffer);
        RtcpReportBlock[] blocks =
        [
            new(1, 0, 0, 1000, 0, 0, 0),
            new(2, 0xFF, 9_000_000, 0x20010, 256, 0x12345678, 0x10000),
        ];

        Assert.True(writer.TryWriteReceiverReport(0x0A0B0C0D, blocks));
        Assert.True(writer.TryWriteGoodbye([0x0A0B0C0D], "gone"u8));

        var expected = RtcpVectors.ReceiverReportWithUnknownAndBye().ToList();
        expected.RemoveRange(56, 12);
        Assert.Equal(expected.ToArray(), writer.Written.ToArray());
    }

    [Fact]
    public void Writer_ByeWithoutReason_AndEmptyReceiverReport()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);

        Assert.True(writer.TryWriteReceiverReport(7, []));
        Assert.True(writer.TryWriteGoodbye([7, 8], default));

        Assert.Equal(new byte[] { 0x80, 0xC9, 0, 1, 0, 0, 0, 7, 0x82, 0xCB, 0, 2, 0, 0, 0, 7, 0, 0, 0, 8 }, writer.Written.ToArray());
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.Validate(writer.Written));
    }

    [Fact]
    public void Writer_RefusesWhatDoesNotFit_AndWritesNothing()
    {
        var buffer = new byte[40];
        var writer = new RtcpCompoundWriter(buffer);

        Assert.False(writer.TryWriteReceiverReport(1, new RtcpReportBlock[2]));
        Assert.False(writer.TryWriteReceiverReport(1, new RtcpReportBlock[32]));
        Assert.False(writer.TryWriteSourceDescription(1, new byte[256]));
        Assert.False(writer.TryWriteSourceDescription(1, default));
        Assert.Equal(0, writer.Length);
        Assert.False(new RtcpCompoundWriter(new byte[51]).TryWriteSenderReport(1, default, new RtcpReportBlock[1]));
    }

    [Fact]
    public void CumulativeLoss_IsClampedToTwentyFourBits()
    {
        var buffer = new byte[RtcpReportBlock.Length];

        new RtcpReportBlock(1, 0, -9_000_000, 0, 0, 0, 0).Write(buffer);
        Assert.Equal(RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.Read(buffer).CumulativeLost);
        new RtcpReportBlock(1, 0, -1, 0, 0, 0, 0).Write(buffer);
        Assert.Equal(new byte[] { 0, 0xFF, 0xFF, 0xFF }, buffer[4..8]);
        Assert.Equal(-1, RtcpReportBlock.Read(buffer).CumulativeLost);
    }

    [Theory]
    [InlineData("81CA0001 00000001", RtcpParseStatus.FirstPacketNotReport)]
    [InlineData("40C90001 00000001", RtcpParseStatus.BadVersion)]
    [InlineData("80C9", RtcpParseStatus.TooShort)]
    [InlineData("80C90002 00000001", RtcpParseStatus.LengthOverrun)]
    [InlineData("80C90001 00000001 40CB0000", RtcpParseStatus.BadVersion)]
    [InlineData("A0C90001 00000001 80CB0000", RtcpParseStatus.PaddingNotLast)]
    [InlineData("80C90001 00000001 A0CB0001 00000000", RtcpParseStatus.BadPadding)]
    [InlineData("80C90001 00000001 A0CB0001 00000005", RtcpParseStatus.BadPadding)]
    [InlineData("80C90001 00000001 80CB", RtcpParseStatus.TooShort)]
    public void MalformedCompound_ReturnsTypedStatus(string hex, RtcpParseStatus expected)
    {
        Assert.Equal(expected, RtcpCompoundReader.TryCreate(Convert.FromHexString(hex.Replace(" ", "")), out _));
    }

    [Fact]
    public void PaddedLastPacket_ExcludesPaddingFromTheBody()
    {
        var bytes = Convert.FromHexString("80C9000100000001A1CB00020000000700000004".Replace(" ", ""));

        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(bytes, out var reader));
        reader.TryReadNext(out _);
        Assert.True(reader.TryReadNext(out var bye));
        Assert.True(bye.HasPadding);
        Assert.Equal(4, bye.Body.Length);
    }

    [Theory]
    [InlineData("82C90007 00000001 000000020000000000000000000000000000000000000000", RtcpParseStatus.ReportBlocksOverrun)]
    [InlineData("81C80006 00000001 0000000000000000000000000000000000000000", RtcpParseStatus.ReportBlocksOverrun)]
    [InlineData("80C80001 00000001", RtcpParseStatus.TooShort)]
    public void ReportCountOverrun_IsRejectedByTheTypedReader(string hex, RtcpParseStatus expected)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", ""));
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(bytes, out var reader));
        reader.TryReadNext(out var packet);

        var status = packet.PacketType == RtcpPacketType.SenderReport
            ? RtcpSenderReport.TryParse(packet, out _)
            : RtcpReceiverReport.TryParse(packet, out _);
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("80C90001 00000001 81CA0002 00000001 010A6162")]
    [InlineData("80C90001 00000001 82CA0003 00000001 01016100 00000002")]
    [InlineData("80C90001 00000001 81CA0001 00000001")]
    public void MalformedSdes_StopsWithStatus(string hex)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", ""));
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(bytes, out var reader));
        reader.TryReadNext(out _);
        reader.TryReadNext(out var sdes);

        Assert.Equal(RtcpParseStatus.Ok, RtcpSdesReader.TryCreate(sdes, out var items));
        while (items.TryReadItem(out _, out _, out _))
        {
        }

        Assert.Equal(RtcpParseStatus.BadSourceDescription, items.Status);
    }

    [Theory]
    [InlineData("80C90001 00000001 82CB0001 00000001", RtcpParseStatus.BadGoodbye)]
    [InlineData("80C90001 00000001 81CB0002 00000001 09616263", RtcpParseStatus.BadGoodbye)]
    public void MalformedBye_IsRejected(string hex, RtcpParseStatus expected)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", ""));
        Assert.Equal(RtcpParseStatus.Ok, RtcpCompoundReader.TryCreate(bytes, out var reader));
        reader.TryReadNext(out _);
        reader.TryReadNext(out var bye);

        Assert.Equal(expected, RtcpGoodbye.TryParse(bye, out _));
    }

    [Fact]
    public void EveryTruncation_IsRejectedUnlessItEndsOnAPacketBoundary()
    {
        var bytes = RtcpVectors.SenderReportWithSdes();
        for (var length = 0; length <= bytes.Length; length++)
        {
            var status = RtcpCompoundReader.Validate(bytes.AsSpan(0, length));
            Assert.Equal(length is 52 or 76, status == RtcpParseStatus.Ok);
        }
    }

    [Fact]
    public void RandomBytes_NeverThrowAnywhereInTheReaders()
    {
        Gen.Byte.Array[0, 120].Sample(bytes =>
        {
            // Force a plausible first header half of the time so the deeper readers get exercised.
            if (bytes.Length >= 2 && bytes[0] % 2 == 0)
            {
                bytes[0] = (byte)(0x80 | (bytes[0] & 0x3F));
                bytes[1] = 201;
            }

            if (RtcpCompoundReader.TryCreate(bytes, out var reader) != RtcpParseStatus.Ok)
            {
                return;
            }

            while (reader.TryReadNext(out var packet))
            {
                ExerciseAllReaders(packet);
            }
        });
    }

    private static void ExerciseAllReaders(RtcpPacket packet)
    {
        if (RtcpSenderReport.TryParse(packet, out var sr) == RtcpParseStatus.Ok)
        {
            _ = sr.SenderInfo;
            for (var i = 0; i < sr.ReportCount; i++)
            {
                sr.GetReportBlock(i);
            }
        }

        if (RtcpReceiverReport.TryParse(packet, out var rr) == RtcpParseStatus.Ok)
        {
            for (var i = 0; i < rr.ReportCount; i++)
            {
                rr.GetReportBlock(i);
            }
        }

        if (RtcpSdesReader.TryCreate(packet, out var items) == RtcpParseStatus.Ok)
        {
            while (items.TryReadItem(out _, out _, out _))
            {
            }
        }

        if (RtcpGoodbye.TryParse(packet, out var bye) == RtcpParseStatus.Ok)
        {
            for (var i = 0; i < bye.SourceCount; i++)
            {
                bye.GetSource(i);
            }
        }
    }

    private static RtcpReportBlock ReadBlock(byte[] bytes, int index)
    {
        RtcpCompoundReader.TryCreate(bytes, out var reader);
        reader.TryReadNext(out var packet);
        RtcpReceiverReport.TryParse(packet, out var rr);
        return rr.GetReportBlock(index);
    }
}
