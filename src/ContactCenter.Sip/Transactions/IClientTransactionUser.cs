using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The owner of one client transaction. Called on a receive loop or a timer thread, possibly before
/// <see cref="SipTransactionLayer.SendRequest"/> returns; implementations must not block.
/// </summary>
public interface IClientTransactionUser
{
    /// <summary>
    /// A response for the TU: each provisional, the first final response, and in the INVITE Accepted state (RFC 6026)
    /// every further 2xx (retransmissions and forks; the TU ACKs them). When Timer B/F fires or the transport fails
    /// before a final response, a locally built 408 or 503 is delivered here (its <see cref="SipMessage.Source"/> is null).
    /// </summary>
    void OnResponse(ClientTransaction transaction, SipMessage response);

    /// <summary>Called once, after the last <see cref="OnResponse"/>, when the transaction ends.</summary>
    void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome);
}
