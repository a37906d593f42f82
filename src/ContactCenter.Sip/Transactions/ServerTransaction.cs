using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2): created by the layer for a new request and handed to the TU, which answers
/// through <see cref="SendResponse(int, string)"/> or <see cref="SendResponse(ReadOnlyMemory{byte})"/>. It re-sends its
/// last response when the request is retransmitted and owns the response retransmission and wait timers.
/// </summary>
public abstract class ServerTransaction : SipTransaction
{
    private ReadOnlyMemory<byte> _lastResponse;
    private TaskCompletionSource<SipTransactionOutcome>? _completion;
    private string? _localTag;

    private protected ServerTransaction(SipTransactionLayer layer, SipMessage request, SipDestination responseDestination,
        SipTransactionState initialState)
        : base(layer, request, ISipSender.IsReliable(responseDestination.Transport), initialState)
    {
        ResponseDestination = responseDestination;
    }

    /// <summary>Where responses go (RFC 3261 §18.2.2, RFC 3581), decided once when the transaction was created.</summary>
    public SipDestination ResponseDestination { get; }

    /// <summary>
    /// For a CANCEL: the server transaction it cancels (same matching as the INVITE's, §9.2), found when the CANCEL
    /// arrived; null when there is none (answer the CANCEL 481) or for other methods.
    /// </summary>
    public ServerTransaction? CancelledTransaction { get; internal set; }

    /// <summary>
    /// The To tag <see cref="SendResponse(int, string)"/> adds to responses above 100 when the request has none: made
    /// once, so every response of this transaction carries the same one (§8.2.6.2).
    /// </summary>
    public string LocalTag
    {
        get
        {
            if (_localTag is null) Interlocked.CompareExchange(ref _localTag, SipIds.NewTag(), null);
            return _localTag;
        }
    }

    /// <summary>The status code of the last response sent, 0 before any.</summary>
    public int LastStatusCode
    {
        get { lock (Gate) return LastStatus; }
    }

    /// <summary>Completes with the outcome when the transaction terminates (a Timer H timeout, a transport error, …).</summary>
    public Task<SipTransactionOutcome> Completion
    {
        get
        {
            lock (Gate)
            {
                if (CurrentState == SipTransactionState.Terminated) return Task.FromResult(CurrentOutcome);
                _completion ??= new TaskCompletionSource<SipTransactionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _completion.Task;
            }
        }
    }

    internal string Key { get; init; } = "";

    internal string? MergeKey { get; init; }

    internal string? Rfc2543AckKey { get; init; }

    private protected int LastStatus { get; private set; }

    /// <summary>
    /// Builds a response with <see cref="SipResponseFactory"/> (Via, From, To with <see cref="LocalTag"/>, Call-ID, CSeq)
    /// and sends it. For responses with more headers or a body, build them with
    /// <c>SipResponseFactory.Create(tx.Request, status, reason, tag)</c> and use <see cref="SendResponse(ReadOnlyMemory{byte})"/>.
    /// </summary>
    /// <returns>False when the state allows no such response (a final one was already sent, the transaction ended) or the transport refused it.</returns>
    public bool SendResponse(int statusCode, string reasonPhrase)
    {
        if (statusCode is < 100 or > 699) throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A SIP status code is 100 to 699.");
        var response = BuildResponse(statusCode, reasonPhrase);
        return response is not null && SendResponse(response, statusCode); // null: released with the final response already sent
    }

    /// <summary>
    /// Sends a complete response (start line to body). The bytes are kept for retransmission and must not be changed
    /// afterwards.
    /// </summary>
    /// <returns>False when the state allows no such response (a final one was already sent, the transaction ended) or the transport refused it.</returns>
    public bool SendResponse(ReadOnlyMemory<byte> response)
    {
        if (!TryReadStatusCode(response.Span, out int statusCode))
            throw new ArgumentException("Not a SIP response: it must start with \"SIP/2.0 \" and a status code from 100 to 699.", nameof(response));
        return SendResponse(response, statusCode);
    }

    /// <summary>
    /// Sends a final response to a non-INVITE request and ends the transaction at once instead of holding it for Timer J:
    /// a stateless answer (RFC 3261 §8.2.7). A retransmitted request is then processed afresh. Registrars answer Digest
    /// challenges this way (a retransmission just gets a fresh nonce), which halves the transactions held under load.
    /// </summary>
    /// <returns>False when a final response was already sent, the transaction ended, or the transport refused it.</returns>
    public bool SendStatelessResponse(ReadOnlyMemory<byte> response)
    {
        if (Method == SipMethod.Invite)
            throw new InvalidOperationException("An INVITE's final response needs its transaction (ACK matching, RFC 3261 §17.2.1).");
        if (!TryReadStatusCode(response.Span, out int statusCode) || statusCode < 200)
            throw new ArgumentException("A stateless answer must be a final SIP response (200-699).", nameof(response));
        var effects = new Effects();
        bool sent = false;
        lock (Gate)
        {
            if (CurrentState is SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                sent = Send(response, ResponseDestination, ref effects);
                Terminate(SipTransactionOutcome.Completed, ref effects);
            }
        }
        Finish(in effects);
        return sent;
    }

    private bool SendResponse(ReadOnlyMemory<byte> response, int statusCode)
    {
        var effects = new Effects();
        bool sent;
        lock (Gate) sent = SendResponseLocked(response, statusCode, ref effects);
        Finish(in effects);
        return sent;
    }

    /// <summary>The state machine's answer to the TU's response: send it and change state, or refuse.</summary>
    private protected abstract bool SendResponseLocked(ReadOnlyMemory<byte> response, int statusCode, ref Effects effects);

    /// <summary>The same request again (same transaction): absorb it or re-send the last response.</summary>
    internal abstract void OnRetransmission(SipMessage request);

    /// <summary>
    /// First thing after the layer tabled the transaction: the prepared 100 Trying of an INVITE, then the TU; or 482
    /// for a merged request.
    /// </summary>
    internal void Start(bool merged)
    {
        if (merged)
        {
            SendResponse(482, "Loop Detected"); // §8.2.2.2: answered here, never seen by the TU
            return;
        }
        var effects = new Effects();
        lock (Gate)
        {
            if (CurrentState == SipTransactionState.Proceeding)
            {
                if (!_lastResponse.IsEmpty) Send(_lastResponse, ResponseDestination, ref effects);
                else OnStartedWithoutResponseLocked();
            }
        }
        Finish(in effects);
        if (State == SipTransactionState.Terminated) return;
        try
        {
            Layer.User.OnRequest(this);
        }
        catch (Exception ex)
        {
            Layer.ReportCallbackError(ex);
        }
    }

    /// <summary>Started in Proceeding with no prepared response: an INVITE whose 100 Trying is deferred arms its timer.</summary>
    private protected virtual void OnStartedWithoutResponseLocked() { }

    /// <summary>
    /// Sets the response to re-send before the transaction is tabled (the INVITE's 100 Trying, §17.2.1: sent at once
    /// rather than after 200 ms), so a copy of the request racing the creation already gets it.
    /// </summary>
    private protected void PrepareResponse(int statusCode, string reasonPhrase)
    {
        _lastResponse = BuildResponse(statusCode, reasonPhrase) ?? throw new InvalidOperationException("No request to answer.");
        LastStatus = statusCode;
    }

    /// <summary>A merged request is answered 482 only: drops the prepared response before the transaction is tabled.</summary>
    internal void ForgetPreparedResponse()
    {
        _lastResponse = default;
        LastStatus = 0;
    }

    /// <summary>The response to the request, or null when the request was released (a final response was sent).</summary>
    private protected byte[]? BuildResponse(int statusCode, string reasonPhrase)
    {
        var request = RequestOrNull;
        if (request is null) return null;
        var writer = SipResponseFactory.Create(request, statusCode, reasonPhrase,
            request.HasToTag || statusCode == 100 ? default : System.Text.Encoding.ASCII.GetBytes(LocalTag));
        if (statusCode == 100) writer.CopyHeaders(request, HeaderId.Timestamp); // §8.2.6.1
        return writer.Finish();
    }

    /// <summary>Sends a response and remembers it as the one to re-send for retransmitted requests.</summary>
    private protected bool SendAndRemember(ReadOnlyMemory<byte> response, int statusCode, ref Effects effects)
    {
        if (!Send(response, ResponseDestination, ref effects)) return false;
        _lastResponse = response;
        LastStatus = statusCode;
        return true;
    }

    /// <summary>Drops the kept response (a state that only absorbs retransmissions); the status code stays.</summary>
    private protected void ForgetLastResponse() => _lastResponse = default;

    private protected void ResendLast(ref Effects effects)
    {
        if (!_lastResponse.IsEmpty) Send(_lastResponse, ResponseDestination, ref effects);
    }

    private protected override void Notify(in Effects effects)
    {
        if (effects.Terminated != SipTransactionOutcome.None) _completion?.TrySetResult(effects.Terminated);
    }

    private static bool TryReadStatusCode(ReadOnlySpan<byte> response, out int statusCode)
    {
        statusCode = 0;
        if (response.Length < 12 || !response.StartsWith("SIP/2.0 "u8)) return false;
        var code = response.Slice(8, 3);
        foreach (byte b in code)
            if ((uint)(b - '0') > 9) return false;
        statusCode = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        return statusCode is >= 100 and <= 699 && response[11] == (byte)' ';
    }
}
