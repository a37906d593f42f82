namespace ContactCenter.Telephony.Calls;

/// <summary>Where a call is in its life.</summary>
public enum CallState
{
    /// <summary>INVITE received; the callee is being looked up or invited.</summary>
    Routing,

    /// <summary>The callee rings (180/183 relayed as 180).</summary>
    Ringing,

    /// <summary>The callee answered; our 200 to the caller waits for its ACK.</summary>
    Answered,

    /// <summary>Both legs confirmed, media bridged.</summary>
    Talking,

    /// <summary>Ended; the CDR is written.</summary>
    Ended,

    /// <summary>Answered by us and waiting in an ACD queue (music for the caller) until an agent is connected.</summary>
    Queued,
}
