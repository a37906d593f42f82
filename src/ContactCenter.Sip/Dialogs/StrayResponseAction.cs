namespace ContactCenter.Sip.Dialogs;

/// <summary>What to do with a response no client transaction took (<see cref="DialogMessageRouter.RouteResponse"/>).</summary>
public enum StrayResponseAction : byte
{
    /// <summary>Nothing: no dialog has it, or it is not a 2xx to an INVITE.</summary>
    Discard,

    /// <summary>A retransmitted 2xx of a confirmed dialog: send <see cref="StrayResponseOutcome.Ack"/> again (§13.2.2.4).</summary>
    ResendAck,
}
