using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

/// <summary>
/// How a channel tells the ACD about its interactions. Each call is queued to the routing loop and completes when it
/// has been applied; a report that no longer applies (the offer was already withdrawn) is refused with an error and
/// changes nothing.
/// </summary>
public interface IDeliveryReports
{
    /// <summary>A new interaction to route (queue_full when the service's queue is at its maximum).</summary>
    Task<AcdResult> EnqueueAsync(NewInteraction interaction);

    /// <summary>The agent's device answered (or the automatic answer connected it).</summary>
    Task<AcdResult> OfferAcceptedAsync(string interactionId, string agentId);

    /// <summary>The agent's device declined the offer (busy, decline).</summary>
    Task<AcdResult> OfferRejectedAsync(string interactionId, string agentId);

    /// <summary>The agent's device could not be reached or did not answer.</summary>
    Task<AcdResult> OfferNotAnsweredAsync(string interactionId, string agentId);

    /// <summary>The customer left before being connected.</summary>
    Task<AcdResult> CustomerAbandonedAsync(string interactionId);

    /// <summary>The connected interaction ended (either side).</summary>
    Task<AcdResult> InteractionEndedAsync(string interactionId);
}
