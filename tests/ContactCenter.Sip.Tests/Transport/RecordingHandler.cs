using System.Threading.Channels;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Transport;

internal sealed class RecordingHandler : ISipMessageHandler
{
    private readonly Channel<SipMessage> _messages = Channel.CreateUnbounded<SipMessage>();

    public void OnMessage(SipMessage message) => _messages.Writer.TryWrite(message);

    public async Task<SipMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await _messages.Reader.ReadAsync(cts.Token);
    }

    public bool TryRead(out SipMessage? message) => _messages.Reader.TryRead(out message);
}
