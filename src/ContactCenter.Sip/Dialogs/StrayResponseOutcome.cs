namespace ContactCenter.Sip.Dialogs;

/// <summary>The routing of a stray response: the dialog it belongs to, the action, and for ResendAck the ACK bytes.</summary>
public readonly record struct StrayResponseOutcome(SipDialog? Dialog, StrayResponseAction Action, byte[]? Ack);
