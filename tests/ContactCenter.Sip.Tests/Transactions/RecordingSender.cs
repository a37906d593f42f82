using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>An <see cref="ISipSender"/> that records every send with the fake clock's time, and can refuse sends.</summary>
internal sealed class RecordingSender(TimeProvider time, DateTimeOffset start) : ISipSender
{
    private readonly Lock _gate = new();
    private readonly List<SentMessage> _sent = [];

    /// <summary>When set, every send fails as a transport error would.</summary>
    public bool Refuse { get; set; }

    /// <summary>Runs inside the next send, once: what happens while a request is on its way (a fake clock moving on).</summary>
    public Action? DuringNextSend { get; set; }

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        var during = DuringNextSend;
        DuringNextSend = null;
        during?.Invoke();
        if (Refuse) return false;
        lock (_gate) _sent.Add(new SentMessage(message.ToArray(), destination, time.GetUtcNow() - start));
        return true;
    }

    public SipDestination ResponseDestination(SipMessage request)
    {
        var source = request.Source ?? throw new InvalidOperationException("a received request has a source");
        return new SipDestination(source.Transport, source.RemoteEndPoint, source.ConnectionId);
    }

    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (_gate) return [.. _sent]; }
    }

    public SentMessage Last => Sent[^1];

    public int Count => Sent.Count;

    public IReadOnlyList<TimeSpan> Times => [.. Sent.Select(s => s.At)];
}
