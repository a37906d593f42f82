using System.Buffers;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Vectors;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipStreamFramerTests
{
    private const int Max = SipLimits.MaxMessageSize;

    /// <summary>Every torture message that is valid and carries a Content-Length, so it can travel on a stream.</summary>
    public static TheoryData<string, string> StreamVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in Rfc4475Table.All.Where(e => e.Stage == VectorStage.Accepted && e.File != "inv2543"))
            data.Add("rfc4475", e.File);
        foreach (var name in TortureVectors.Names("rfc5118")) data.Add("rfc5118", name);
        return data;
    }

    private static byte[] Framed(string set, string name)
    {
        var bytes = TortureVectors.Load(set, name);
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(bytes, Max, out int length, out var error));
        Assert.Equal(SipParseError.None, error);
        return bytes[..length];
    }

    [Theory]
    [MemberData(nameof(StreamVectors))]
    public void Every_proper_prefix_is_incomplete_and_consumes_nothing(string set, string name)
    {
        var message = Framed(set, name);
        var state = default(SipFrameScanState);
        for (int n = 0; n < message.Length; n++)
        {
            var prefix = message.AsSpan(0, n);
            Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(prefix, Max, out int length, out var error));
            Assert.Equal(0, length);
            Assert.Equal(SipParseError.None, error);
            Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(new ReadOnlySequence<byte>(message, 0, n), Max, out length, out _));
            Assert.Equal(0, length);
            // The same, resuming from what earlier calls learned.
            Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(prefix, Max, ref state, out length, out _));
            Assert.Equal(0, length);
        }
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(message, Max, ref state, out int whole, out _));
        Assert.Equal(message.Length, whole);
    }

    [Theory]
    [MemberData(nameof(StreamVectors))]
    public void A_message_arriving_one_byte_per_segment_is_framed_when_its_last_byte_arrives(string set, string name)
    {
        var message = Framed(set, name);
        var oneBytePerSegment = ByteSegments.Split(message, 1);
        var state = default(SipFrameScanState);
        for (int n = 1; n < message.Length; n++)
        {
            Assert.Equal(FrameStatus.Incomplete,
                SipStreamFramer.TryFrame(oneBytePerSegment.Slice(0, n), Max, ref state, out int length, out var error));
            Assert.Equal(0, length);
            Assert.Equal(SipParseError.None, error);
        }
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(oneBytePerSegment, Max, ref state, out int framed, out _));
        Assert.Equal(message.Length, framed);

        var copy = oneBytePerSegment.Slice(0, framed).ToArray();
        Assert.True(SipMessageParser.TryParse(copy, out var parsed, out var parseError), parseError.ToString());
        Assert.True(SipMessageParser.TryParse(message, out var direct, out _));
        Assert.Equal(direct!.CallIdString, parsed!.CallIdString);
        Assert.Equal(direct.Body.Length, parsed.Body.Length);
    }

    [Fact]
    public void The_stateless_sequence_overload_frames_one_byte_per_segment_too()
    {
        var message = Framed("rfc4475", "wsinv");
        var segments = ByteSegments.Split(message, 1);
        for (int n = 1; n < message.Length; n++)
            Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(segments.Slice(0, n), Max, out _, out _));
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(segments, Max, out int length, out _));
        Assert.Equal(message.Length, length);
    }

    [Fact]
    public void A_resumed_scan_remembers_how_far_it_looked()
    {
        var message = Framed("rfc4475", "longreq");
        var state = default(SipFrameScanState);
        Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(message.AsSpan(0, 1000), Max, ref state, out _, out _));
        Assert.Equal(997, state.Scanned);
        int headerEnd = message.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(message.AsSpan(0, headerEnd + 10), Max, ref state, out _, out _));
        Assert.Equal(headerEnd + 4, state.BodyStart);
        Assert.Equal(150, state.ContentLength);
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(message, Max, ref state, out _, out _));
        Assert.Equal(default, state);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Pipelined_messages_and_keep_alives_are_framed_one_after_the_other(int chunkSize)
    {
        var parts = new List<(byte[] Bytes, FrameStatus Status)>
        {
            (Framed("rfc4475", "wsinv"), FrameStatus.Message),
            ("\r\n\r\n"u8.ToArray(), FrameStatus.KeepAlive),
            (Framed("rfc4475", "esc01"), FrameStatus.Message),
            (Framed("rfc4475", "mpart01"), FrameStatus.Message),
            ("\r\n"u8.ToArray(), FrameStatus.KeepAlive),
            (Framed("rfc4475", "transports"), FrameStatus.Message),
            (Framed("rfc4475", "dblreq"), FrameStatus.Message),
        };
        var stream = parts.SelectMany(p => p.Bytes).ToArray();
        var buffer = chunkSize == 0 ? new ReadOnlySequence<byte>(stream) : ByteSegments.Split(stream, chunkSize);
        var state = default(SipFrameScanState);
        foreach (var (bytes, status) in parts)
        {
            Assert.Equal(status, SipStreamFramer.TryFrame(buffer, Max, ref state, out int length, out var error));
            Assert.Equal(SipParseError.None, error);
            Assert.Equal(bytes.Length, length);
            Assert.True(buffer.Slice(0, length).ToArray().AsSpan().SequenceEqual(bytes));
            buffer = buffer.Slice(length);
        }
        Assert.True(buffer.IsEmpty);
        Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(buffer, Max, ref state, out int rest, out _));
        Assert.Equal(0, rest);
    }

    [Theory]
    [InlineData("\r", FrameStatus.Incomplete, 0)]
    [InlineData("\r\n", FrameStatus.Incomplete, 0)]       // could still become a ping
    [InlineData("\r\n\r", FrameStatus.Incomplete, 0)]
    [InlineData("\r\n\r\n", FrameStatus.KeepAlive, 4)]     // ping: answer CRLF
    [InlineData("\r\n\r\nINVITE", FrameStatus.KeepAlive, 4)]
    [InlineData("\r\nINVITE", FrameStatus.KeepAlive, 2)]   // pong, then a message
    [InlineData("\nINVITE", FrameStatus.KeepAlive, 1)]     // a stray LF is skipped
    public void Keep_alives_are_recognized(string input, FrameStatus status, int expectedLength)
    {
        var bytes = Encoding.ASCII.GetBytes(input);
        Assert.Equal(status, SipStreamFramer.TryFrame(bytes, Max, out int length, out var error));
        Assert.Equal(expectedLength, length);
        Assert.Equal(SipParseError.None, error);
        Assert.Equal(status, SipStreamFramer.TryFrame(ByteSegments.Split(bytes, 1), Max, out length, out _));
        Assert.Equal(expectedLength, length);
    }

    [Fact]
    public void A_message_without_content_length_cannot_be_framed_on_a_stream()
    {
        var bytes = TortureVectors.Rfc4475("inv2543");
        Assert.Equal(FrameStatus.Error, SipStreamFramer.TryFrame(bytes, Max, out int length, out var error));
        Assert.Equal(0, length);
        Assert.Equal(RejectionReason.MissingContentLength, error.Reason);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(FrameStatus.Error, SipStreamFramer.TryFrame(ByteSegments.Split(bytes, 3), Max, out _, out error));
        Assert.Equal(RejectionReason.MissingContentLength, error.Reason);
    }

    [Theory]
    [InlineData("Content-Length: abc", RejectionReason.InvalidContentLength)]
    [InlineData("Content-Length: -999", RejectionReason.InvalidContentLength)]
    [InlineData("Content-Length: 99999999999999999999", RejectionReason.InvalidContentLength)]
    [InlineData("Content-Length: 0\r\nl: 0", RejectionReason.InvalidContentLength)]
    [InlineData("Content-Length: 70000", RejectionReason.MessageTooLarge)]
    public void A_bad_or_oversized_content_length_is_an_error_before_the_body_arrives(string header, RejectionReason reason)
    {
        var bytes = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\n" + header + "\r\n\r\n");
        Assert.Equal(FrameStatus.Error, SipStreamFramer.TryFrame(bytes, Max, out _, out var error));
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("l: 5")]
    [InlineData("content-length   :   5")]
    [InlineData("Content-Length:\r\n 5")]
    public void Content_length_is_found_in_compact_spaced_or_folded_form(string header)
    {
        var bytes = Encoding.ASCII.GetBytes("MESSAGE sip:a@b SIP/2.0\r\n" + header + "\r\n\r\nhelloEXTRA");
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(bytes, Max, out int length, out _));
        Assert.Equal(bytes.Length - "EXTRA".Length, length);
    }

    [Fact]
    public void A_content_length_inside_the_body_is_not_read()
    {
        var bytes = Encoding.ASCII.GetBytes("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 23\r\n\r\nContent-Length: 99999\r\n");
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(bytes, Max, out int length, out _));
        Assert.Equal(bytes.Length, length);
    }

    [Fact]
    public void A_header_section_longer_than_the_limit_is_an_error_without_waiting_for_its_end()
    {
        var line = "X-Filler: " + new string('a', 1000) + "\r\n";
        var text = "OPTIONS sip:a@b SIP/2.0\r\n" + string.Concat(Enumerable.Repeat(line, 70));
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.True(bytes.Length > Max);
        Assert.Equal(FrameStatus.Error, SipStreamFramer.TryFrame(bytes, Max, out _, out var error));
        Assert.Equal(RejectionReason.MessageTooLarge, error.Reason);
        Assert.Equal(513, error.StatusCode);
        Assert.Equal(FrameStatus.Error, SipStreamFramer.TryFrame(ByteSegments.Split(bytes, 4096), Max, out _, out error));
        Assert.Equal(RejectionReason.MessageTooLarge, error.Reason);
        // Just under the limit it still waits.
        Assert.Equal(FrameStatus.Incomplete, SipStreamFramer.TryFrame(bytes.AsSpan(0, Max), Max, out _, out _));
    }

    [Fact]
    public void A_smaller_configured_limit_is_honoured()
    {
        var message = Framed("rfc4475", "longreq");
        Assert.Equal(FrameStatus.Error, SipStreamFramer.TryFrame(message, 2048, out _, out var error));
        Assert.Equal(RejectionReason.MessageTooLarge, error.Reason);
        Assert.Equal(FrameStatus.Message, SipStreamFramer.TryFrame(message, message.Length, out int length, out _));
        Assert.Equal(message.Length, length);
    }
}
