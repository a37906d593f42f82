using System.Threading.Channels;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Transport;

internal sealed class RecordingHandler : ISipMessageHandler
{
    private readonly Channel<SipMessage> _messages = Channel.CreateUnbounded<SipMessage>();

    private int _dueWorkRuns;

    public void OnMessage(SipMessage message) => _messages.Writer.TryWrite(message);

    public void RunDueWork() => Interlocked.Increment(ref _dueWorkRuns);

    /// <summary>How often a receive loop has called <see cref="RunDueWork"/>.</summary>
    public int DueWorkRuns => Volatile.Read(ref _dueWorkRuns);

    public async Task<SipMessage> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        return await _messages.Reader.ReadAsync(cts.Token);
    }

    public bool TryRead(out SipMessage? message) => _messages.Reader.TryRead(out message);
}
