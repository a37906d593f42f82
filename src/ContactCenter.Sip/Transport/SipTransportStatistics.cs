namespace ContactCenter.Sip.Transport;

/// <summary>Counters a malformed or dropped message always lands in, so nothing is lost silently.</summary>
public sealed class SipTransportStatistics
{
    private long _received, _sent, _malformed, _rejected, _dropped, _keepAlives, _sendFailures, _connectionsAccepted, _connectionsRefused;

    public long MessagesReceived => Interlocked.Read(ref _received);
    public long MessagesSent => Interlocked.Read(ref _sent);
    /// <summary>Messages that failed to parse, answered or not.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);
    /// <summary>Malformed requests answered with an error response (400, 505, 513…).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);
    /// <summary>Malformed messages that could not be answered and were discarded.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);
    public long KeepAlives => Interlocked.Read(ref _keepAlives);
    public long SendFailures => Interlocked.Read(ref _sendFailures);
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);
    public long ConnectionsRefused => Interlocked.Read(ref _connectionsRefused);

    internal void Received() => Interlocked.Increment(ref _received);
    internal void Sent() => Interlocked.Increment(ref _sent);
    internal void MalformedMessage(bool answered)
    {
        Interlocked.Increment(ref _malformed);
        if (answered) Interlocked.Increment(ref _rejected);
        else Interlocked.Increment(ref _dropped);
    }
    internal void KeepAlive() => Interlocked.Increment(ref _keepAlives);
    internal void SendFailed() => Interlocked.Increment(ref _sendFailures);
    internal void ConnectionAccepted() => Interlocked.Increment(ref _connectionsAccepted);
    internal void ConnectionRefused() => Interlocked.Increment(ref _connectionsRefused);
}
