namespace ContactCenter.Acd.Routing;

/// <summary>
/// Delivery until a channel is plugged in: offers go nowhere, so they ring out (RONA) after the service's timeout.
/// The host replaces it when the call engine implements <see cref="IInteractionDelivery"/>.
/// </summary>
public sealed class NullInteractionDelivery : IInteractionDelivery
{
    public static NullInteractionDelivery Instance { get; } = new();

    public void Offer(InteractionOffer offer) { }
    public void Connect(string interactionId, string agentId) { }
    public void Withdraw(string interactionId, string agentId, WithdrawReason reason) { }
    public void Release(string interactionId, ReleaseReason reason) { }
}
