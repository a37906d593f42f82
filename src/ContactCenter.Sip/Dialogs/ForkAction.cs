namespace ContactCenter.Sip.Dialogs;

/// <summary>What the UAC does with a response to its INVITE (<see cref="InviteForkSet.OnResponse"/>).</summary>
public enum ForkAction : byte
{
    /// <summary>Nothing for the dialog layer: a 100, a 1xx without To tag, or a response to another request.</summary>
    None,

    /// <summary>A 1xx with a new To tag: a new early dialog (one per fork).</summary>
    EarlyDialogCreated,

    /// <summary>A further 1xx on an existing early dialog.</summary>
    EarlyDialogUpdated,

    /// <summary>The first 2xx: this dialog won and is confirmed. Send <c>Dialog.CreateAck(invite CSeq)</c>.</summary>
    Confirmed,

    /// <summary>The winning 2xx again (our ACK was lost): re-send the same ACK.</summary>
    ResendAck,

    /// <summary>
    /// A 2xx from another fork after one already won (§13.2.2.4): send <c>Dialog.CreateAck</c>, then a BYE from
    /// <c>Dialog.CreateRequest(SipMethod.Bye)</c>, and terminate the dialog when the BYE completes.
    /// </summary>
    AckAndBye,

    /// <summary>A 300-699: the INVITE failed and every early dialog ended (unless a 2xx had already won).</summary>
    Failed,

    /// <summary>A dialog-creating response that cannot form a dialog (no Contact, bad Record-Route): see the error.</summary>
    Invalid,
}
