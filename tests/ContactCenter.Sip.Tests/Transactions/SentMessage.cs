using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>One message the layer handed to the transport, with when (on the fake clock) and where.</summary>
internal sealed record SentMessage(byte[] Bytes, SipDestination Destination, TimeSpan At)
{
    public SipMessage Parse()
    {
        Assert.True(SipMessageParser.TryParse(Bytes, out var message, out var error), $"sent message does not parse ({error}):\n{Text}");
        return message!;
    }

    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);

    public string StartLine => Text[..Text.IndexOf("\r\n", StringComparison.Ordinal)];
}
