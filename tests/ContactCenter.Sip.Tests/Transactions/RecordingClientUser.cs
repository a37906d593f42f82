using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>Records a client transaction's responses and its end, with the fake clock's time, and checks the call order.</summary>
internal sealed class RecordingClientUser(TimeProvider time, DateTimeOffset start) : IClientTransactionUser
{
    private readonly Lock _gate = new();
    private readonly List<SipMessage> _responses = [];

    public SipTransactionOutcome? Outcome { get; private set; }

    public TimeSpan? TerminatedAt { get; private set; }

    public int TerminatedCalls { get; private set; }

    /// <summary>The transaction table size seen from inside OnTerminated: the layer removes before it notifies.</summary>
    public int? ClientCountAtTermination { get; private set; }

    public SipTransactionLayer? Layer { get; set; }

    public IReadOnlyList<SipMessage> Responses
    {
        get { lock (_gate) return [.. _responses]; }
    }

    public IReadOnlyList<int> StatusCodes => [.. Responses.Select(r => r.StatusCode)];

    public void OnResponse(ClientTransaction transaction, SipMessage response)
    {
        Assert.Null(Outcome); // never a response after OnTerminated
        lock (_gate) _responses.Add(response);
    }

    public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome)
    {
        TerminatedCalls++;
        Outcome = outcome;
        TerminatedAt = time.GetUtcNow() - start;
        ClientCountAtTermination = Layer?.ClientTransactionCount;
    }
}
