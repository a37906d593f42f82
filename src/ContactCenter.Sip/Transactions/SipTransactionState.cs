namespace ContactCenter.Sip.Transactions;

/// <summary>The states of RFC 3261 §17 (Figures 5 to 8) with the "Accepted" state of RFC 6026 for INVITE.</summary>
public enum SipTransactionState : byte
{
    /// <summary>INVITE client: request sent, no response yet.</summary>
    Calling,

    /// <summary>Non-INVITE client or server: request sent or received, no response yet.</summary>
    Trying,

    /// <summary>A provisional response was received (client) or sent (server).</summary>
    Proceeding,

    /// <summary>A final response was received (client) or sent (server): absorbing retransmissions.</summary>
    Completed,

    /// <summary>INVITE server: the ACK for a non-2xx final response arrived.</summary>
    Confirmed,

    /// <summary>INVITE, RFC 6026: a 2xx was received (client) or sent (server); 2xx retransmission is the TU's job.</summary>
    Accepted,

    Terminated,
}
