using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The transaction user (UAS core, dialog layer) as the transaction layer sees it. Called on a receive loop or a
/// timer thread: implementations post work to the owner's queue and return; they must not block.
/// </summary>
public interface ISipTransactionUser
{
    /// <summary>A new server transaction (not a retransmission, not a merged request). Respond through it.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>
    /// An ACK no transaction absorbs: the ACK for a 2xx (it has its own branch, RFC 3261 §17.1.1.3), including one
    /// that matches an INVITE server transaction in the RFC 6026 Accepted state, or an ACK matching nothing.
    /// </summary>
    void OnStrayAck(SipMessage ack);

    /// <summary>A response matching no client transaction, e.g. a 2xx retransmission or a fork after Timer M.</summary>
    void OnStrayResponse(SipMessage response);
}
