using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transactions;

/// <summary>Adapts a client transaction to a task of its final response (<see cref="SipTransactionLayer.SendRequestAsync"/>).</summary>
internal sealed class TaskClientTransactionUser(Action<SipMessage>? onProvisional) : IClientTransactionUser
{
    private readonly TaskCompletionSource<SipMessage> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipMessage> FinalResponse => _final.Task;

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        if (response.StatusCode < 200) onProvisional?.Invoke(response);
        else _final.TrySetResult(response);
    }

    public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome)
    {
        // Every path to Terminated delivers a final response first, except disposal of the layer.
        if (outcome == SipTransactionOutcome.Shutdown)
            _final.TrySetException(new ObjectDisposedException(nameof(SipTransactionLayer), "The transaction layer was disposed before a final response."));
    }
}
