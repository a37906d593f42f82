using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Telephony.Calls;

/// <summary>For BYE and CANCEL we send: the call is over on our side whatever the peer answers.</summary>
internal sealed class IgnoredResponses : IClientTransactionUser
{
    public static readonly IgnoredResponses Instance = new();

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
    }

    public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome)
    {
    }
}
