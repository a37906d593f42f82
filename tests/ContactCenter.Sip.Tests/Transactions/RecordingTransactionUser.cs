using System.Collections.Concurrent;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>A TU that records what the layer hands up; <see cref="Respond"/> lets a test answer new requests at once.</summary>
internal sealed class RecordingTransactionUser : ISipTransactionUser
{
    public ConcurrentQueue<ServerTransaction> Requests { get; } = new();
    public ConcurrentQueue<SipMessage> StrayAcks { get; } = new();
    public ConcurrentQueue<SipMessage> StrayResponses { get; } = new();

    public Action<ServerTransaction>? Respond { get; set; }

    public ServerTransaction LastRequest => Requests.Last();

    public void OnRequest(ServerTransaction transaction)
    {
        Requests.Enqueue(transaction);
        Respond?.Invoke(transaction);
    }

    public void OnStrayAck(SipMessage ack) => StrayAcks.Enqueue(ack);

    public void OnStrayResponse(SipMessage response) => StrayResponses.Enqueue(response);
}
