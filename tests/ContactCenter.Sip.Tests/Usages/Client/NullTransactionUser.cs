using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>The TU of a client-only transaction layer: nothing but responses is expected, and strays are dropped.</summary>
internal sealed class NullTransactionUser : ISipTransactionUser
{
    public void OnRequest(ServerTransaction transaction)
    {
    }

    public void OnStrayAck(SipMessage ack)
    {
    }

    public void OnStrayResponse(SipMessage response)
    {
    }
}
