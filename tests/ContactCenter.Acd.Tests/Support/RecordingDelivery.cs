using ContactCenter.Acd.Routing;

namespace ContactCenter.Acd.Tests.Support;

/// <summary>
/// A channel that only writes down what the ACD asked of it, and keeps its own count of the offers it believes are
/// outstanding per agent: an independent check of the engine's bookkeeping.
/// </summary>
public sealed class RecordingDelivery : IInteractionDelivery
{
    public List<InteractionOffer> Offers { get; } = [];
    public List<(string InteractionId, string AgentId)> Connects { get; } = [];
    public List<(string InteractionId, string AgentId, WithdrawReason Reason)> Withdrawals { get; } = [];
    public List<(string InteractionId, ReleaseReason Reason)> Releases { get; } = [];
    public List<(string InteractionId, string ServiceId, string? FromAgentId)> Requeues { get; } = [];
    public List<WaitAnnouncement> Announcements { get; } = [];

    /// <summary>Every call in order, for checks that the channel is told things in the right sequence.</summary>
    public List<string> Log { get; } = [];

    public void Offer(InteractionOffer offer)
    {
        Offers.Add(offer);
        Log.Add($"offer {offer.InteractionId} {offer.AgentId}");
    }

    public void Connect(string interactionId, string agentId)
    {
        Connects.Add((interactionId, agentId));
        Log.Add($"connect {interactionId} {agentId}");
    }

    public void Withdraw(string interactionId, string agentId, WithdrawReason reason)
    {
        Withdrawals.Add((interactionId, agentId, reason));
        Log.Add($"withdraw {interactionId} {agentId} {reason}");
    }

    public void Release(string interactionId, ReleaseReason reason)
    {
        Releases.Add((interactionId, reason));
        Log.Add($"release {interactionId} {reason}");
    }

    public void Requeue(string interactionId, string serviceId, string? fromAgentId)
    {
        Requeues.Add((interactionId, serviceId, fromAgentId));
        Log.Add($"requeue {interactionId} {serviceId} {fromAgentId ?? "-"}");
    }

    public void Announce(WaitAnnouncement announcement) => Announcements.Add(announcement);

    public InteractionOffer LastOffer => Offers[^1];

    public IEnumerable<string> OfferedAgentsFor(string interactionId) => Offers.Where(o => o.InteractionId == interactionId).Select(o => o.AgentId);
}
