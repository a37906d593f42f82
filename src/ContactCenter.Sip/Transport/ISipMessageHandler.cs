using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// The layer above a transport: gets each complete, parsed message. Called on the receive loop, so it must not block:
/// it matches the message and posts work to the owner's queue.
/// </summary>
public interface ISipMessageHandler
{
    void OnMessage(SipMessage message);
}
