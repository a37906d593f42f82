namespace ContactCenter.Sip.Dialogs;

/// <summary>Where a stray ACK (the ACK for a 2xx, §17.1.1.3) went: see <see cref="DialogMessageRouter.RouteAck"/>.</summary>
public readonly record struct StrayAckOutcome(SipDialog? Dialog, AckMatch Match)
{
    /// <summary>No dialog has this ACK's id: drop it (§17.2.3 leaves such ACKs to the core, which has nothing to do).</summary>
    public bool NoDialog => Dialog is null;
}
