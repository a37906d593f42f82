namespace ContactCenter.Acd.Routing;

/// <summary>
/// The port through which the routing loop hands work to channels (the call engine for voice; chat and e-mail later).
/// The ACD decides, the channel delivers. Every method is called on the routing loop and must return at once: post
/// to the channel's own queue, never block or call back into the ACD synchronously. The channel reports what happened
/// through <see cref="IDeliveryReports"/>.
/// </summary>
public interface IInteractionDelivery
{
    /// <summary>
    /// Ring the agent (manual) or connect after the answer delay (automatic). Report accepted, rejected or no answer.
    /// </summary>
    void Offer(InteractionOffer offer);

    /// <summary>The agent accepted through the ACD (CTI): connect the customer to the agent now.</summary>
    void Connect(string interactionId, string agentId);

    /// <summary>Stop ringing the agent; the interaction is back in a queue (or gone, when the customer abandoned).</summary>
    void Withdraw(string interactionId, string agentId, WithdrawReason reason);

    /// <summary>The ACD will not route it: the channel decides what the customer gets (busy, voicemail, hang-up).</summary>
    void Release(string interactionId, ReleaseReason reason);

    /// <summary>
    /// It was transferred or released to <paramref name="serviceId"/> (ACD-08): disconnect <paramref name="fromAgentId"/>
    /// (null when no agent was connected) and keep the customer waiting as in any queue (voice: anchored, hearing music).
    /// A direct offer to another agent may follow at once (<see cref="Offer"/>), in this order.
    /// </summary>
    void Requeue(string interactionId, string serviceId, string? fromAgentId) { }

    /// <summary>Tell the waiting customer its position and/or expected wait (the service's queue announcements).</summary>
    void Announce(WaitAnnouncement announcement) { }
}
