namespace ContactCenter.Sip.Messages;

/// <summary>The methods this stack knows by name; anything else is <see cref="Unknown"/> and keeps its bytes.</summary>
public enum SipMethod : byte
{
    Unknown = 0,
    Invite,
    Ack,
    Bye,
    Cancel,
    Options,
    Register,
    Prack,
    Subscribe,
    Notify,
    Publish,
    Info,
    Refer,
    Message,
    Update,
}
