namespace ContactCenter.Sip.Dialogs;

/// <summary>What an ACK for a 2xx meant to its dialog (<see cref="SipDialog.AcceptAck"/>).</summary>
public enum AckMatch : byte
{
    /// <summary>The ACK for the 2xx being retransmitted: the retransmissions stopped; pass its body (an SDP answer) on.</summary>
    Awaited,

    /// <summary>An ACK with no 2xx awaiting it (a retransmitted ACK, or one for an older INVITE): absorb it.</summary>
    NotAwaited,

    /// <summary>The dialog has ended.</summary>
    DialogTerminated,
}
