namespace ContactCenter.Telephony.Calls;

/// <summary>
/// The ACD as the call engine sees it (implemented over the ACD by the host, so Telephony never references it). Every
/// method is called on a call's queue and must return at once: the ACD routes on its own loop and answers through the
/// engine's offer commands (<see cref="CallEngine.OfferToAgentAsync"/> and friends).
/// </summary>
public interface ICallQueue
{
    /// <summary>The ACD service an inbound number (as dialled, and in E.164) leads to, or null when the ACD does not own it.</summary>
    string? ServiceForNumber(string dialled, string? e164);

    /// <summary>A call now waits for an agent (answered, hearing music).</summary>
    void Enqueued(QueuedCall call);

    /// <summary>The agent's phone answered an offer: the call is connected to that agent.</summary>
    void OfferAnswered(string callId, string agentId);

    /// <summary>The offer failed: <paramref name="rejected"/> when the phone declined (busy, decline), else no answer or unreachable.</summary>
    void OfferFailed(string callId, string agentId, bool rejected);

    /// <summary>The caller hung up while waiting or while an agent rang.</summary>
    void Abandoned(string callId);

    /// <summary>A connected call ended (either side).</summary>
    void Ended(string callId);

    /// <summary>
    /// Whether <paramref name="serviceId"/> lets its agents do <paramref name="permission"/> (ACD-01). Asked on the call's
    /// queue before the agent's side of an ACD call consults, transfers (by command or by its phone's REFER) or
    /// conferences; must answer at once from a snapshot.
    /// </summary>
    bool Permits(string serviceId, CallPermission permission) => true;
}
