namespace ContactCenter.Sip.Dialogs;

/// <summary>The verdict on one response to an INVITE: the action and the dialog (fork) it concerns.</summary>
public readonly record struct ForkDecision(ForkAction Action, SipDialog? Dialog, DialogCreationError Error = DialogCreationError.None);
