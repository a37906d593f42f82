using System.Buffers;
using System.Net;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>
/// Runs every entry point of the message layer over arbitrary bytes and checks what must hold whatever the input:
/// nothing throws, every range of an accepted message lies inside it, framing never claims bytes it was not given.
/// </summary>
internal static class MessageInvariants
{
    private static readonly SipSource Source = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5060),
        new IPEndPoint(IPAddress.Loopback, 5060));

    public static void Hold(byte[] input)
    {
        Frame(input);
        bool parsed = SipMessageParser.TryParse(input, out var message, out var error);
        Assert.Equal(parsed, !error.IsError);
        if (error.IsError)
        {
            Assert.InRange(error.StatusCode, 400, 599);
            Assert.False(string.IsNullOrEmpty(error.ReasonPhrase));
        }
        if (message is null) return;

        Inspect(message, input.Length);
        var validation = SipMessageValidator.Validate(message);
        if (parsed && !validation.IsError && message.IsRequest)
        {
            message.Source = Source;
            var response = SipResponseFactory.Create(message, 400, error.ReasonPhrase, "fuzz"u8).Finish();
            Assert.True(SipMessageParser.TryParse(response, out var reply, out var replyError), replyError.ToString());
            Assert.Equal(message.CallIdString, reply!.CallIdString);
        }
    }

    private static void Frame(byte[] input)
    {
        var status = SipStreamFramer.TryFrame(input, SipLimits.MaxMessageSize, out int length, out var error);
        AssertFrame(status, length, error, input.Length);
        var chunked = ByteSegments.Split(input, 5);
        var state = default(SipFrameScanState);
        var again = SipStreamFramer.TryFrame(chunked, SipLimits.MaxMessageSize, ref state, out int chunkedLength, out _);
        Assert.Equal(status, again);
        Assert.Equal(length, chunkedLength);
    }

    private static void AssertFrame(FrameStatus status, int length, SipParseError error, int available)
    {
        switch (status)
        {
            case FrameStatus.Incomplete:
                Assert.Equal(0, length);
                break;
            case FrameStatus.Message:
            case FrameStatus.KeepAlive:
                Assert.InRange(length, 1, available);
                break;
            case FrameStatus.Error:
                Assert.True(error.IsError);
                break;
        }
    }

    /// <summary>Touches every view an accepted or half-parsed message offers.</summary>
    private static void Inspect(SipMessage m, int inputLength)
    {
        int size = m.Raw.Length;
        Assert.InRange(size, 1, Math.Min(inputLength, SipLimits.MaxMessageSize));
        Assert.InRange(m.HeaderCount, 0, SipLimits.MaxHeaderCount);
        for (int i = 0; i < m.HeaderCount; i++)
        {
            var h = m.HeaderAt(i);
            Assert.InRange(h.Name.End, 1, size);
            Assert.InRange(h.Value.End, 0, size);
            _ = m.NameOf(h);
            _ = m.ValueOf(h);
        }
        Assert.InRange(m.Body.Length, 0, size);
        _ = m.CallIdString;
        _ = m.MethodName;
        _ = m.CSeqMethodName;
        _ = m.FromTag;
        _ = m.ToTag;
        _ = m.HasRfc3261Branch;
        _ = m.ReasonPhrase;
        _ = m.ToString();
        var via = m.TopVia;
        _ = via.Host.Length + via.Port + via.RPort + via.Received.Length + via.Maddr.Length;
        if (m.TryGetRequestUri(out var uri))
        {
            _ = uri.UserString;
            _ = uri.HostString;
            _ = uri.HasParameter("lr"u8);
        }
        foreach (HeaderId id in Enum.GetValues<HeaderId>())
        {
            foreach (var value in m.GetValues(id))
            {
                if (NameAddress.TryParse(value, out var address))
                {
                    _ = address.DisplayName;
                    _ = address.Tag.Length;
                    _ = address.Uri.UserString;
                }
                if (ViaHeader.TryParse(value, out var v)) _ = v.Branch.Length + v.RPort;
            }
        }
        _ = m.HasToken(HeaderId.Require, "100rel"u8);
    }
}
