using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// The layer above a transport: gets each complete, parsed message. Called on the receive loop, so it must not block:
/// it matches the message and posts work to the owner's queue.
/// </summary>
public interface ISipMessageHandler
{
    void OnMessage(SipMessage message);

    /// <summary>
    /// Called by a UDP receive loop after each datagram: runs work whose time has come (the transaction layer's due
    /// timers), so under load it leaves on time instead of waiting behind queued call work on the thread pool. Must cost
    /// next to nothing when nothing is due; must not block.
    /// </summary>
    void RunDueWork() { }
}
