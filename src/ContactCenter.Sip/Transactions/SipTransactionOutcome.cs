namespace ContactCenter.Sip.Transactions;

/// <summary>Why a transaction ended.</summary>
public enum SipTransactionOutcome : byte
{
    /// <summary>Not terminated yet.</summary>
    None,

    /// <summary>The exchange finished normally (final response delivered, ACK received or wait timer expired).</summary>
    Completed,

    /// <summary>
    /// Timer B or F (client: no final response; the TU got a local 408) or Timer H (INVITE server: no ACK for the
    /// final response, RFC 3261 §17.2.1).
    /// </summary>
    Timeout,

    /// <summary>The transport refused a send (RFC 3261 §17.1.4, §17.2.4); a client TU got a local 503.</summary>
    TransportError,

    /// <summary>The transaction layer was disposed while the transaction ran.</summary>
    Shutdown,
}
