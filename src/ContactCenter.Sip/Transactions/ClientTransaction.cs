using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1), made by <see cref="SipTransactionLayer.SendRequest"/>: it sends and
/// retransmits the request, matches responses by branch and CSeq method, and reports them to its
/// <see cref="IClientTransactionUser"/>.
/// </summary>
public abstract class ClientTransaction : SipTransaction
{
    private readonly IClientTransactionUser _user;
    private SipMessage? _finalResponse;
    private int _finalStatusCode;

    private protected ClientTransaction(SipTransactionLayer layer, SipMessage request, SipDestination destination,
        IClientTransactionUser user, SipTransactionState initialState)
        : base(layer, request, ISipSender.IsReliable(destination.Transport), initialState)
    {
        Destination = destination;
        _user = user;
    }

    /// <summary>Where the request (and, for INVITE, the ACK of a non-2xx response) is sent.</summary>
    public SipDestination Destination { get; }

    /// <summary>
    /// The first final response of an INVITE, or the local 408/503 when none came; null until then, and null again once
    /// its 2xx has been handed to the TU (the transaction then only absorbs retransmissions for Timer M, RFC 6026, and
    /// keeps neither the response nor the request). A non-INVITE transaction hands its final response to the TU and does
    /// not keep it (Timer K only absorbs retransmissions; 5 s of a BYE's 200 per call was heap the collector copied twice):
    /// null there. <see cref="FinalStatusCode"/> says whether a final response came.
    /// </summary>
    public SipMessage? FinalResponse
    {
        get { lock (Gate) return _finalResponse; }
    }

    /// <summary>The status code of <see cref="FinalResponse"/> (kept after an INVITE's 2xx is released); 0 until then.</summary>
    public int FinalStatusCode
    {
        get { lock (Gate) return _finalStatusCode; }
    }

    internal string Key { get; init; } = "";

    /// <summary>
    /// Builds the CANCEL for this INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, From, To, CSeq number, Route and
    /// top Via (so the same branch). Send it with <see cref="SipTransactionLayer.SendRequest(ReadOnlyMemory{byte}, SipDestination, IClientTransactionUser)"/>
    /// to <see cref="Destination"/> once a provisional response has arrived. Null once a 2xx has accepted the INVITE:
    /// there is nothing left to cancel (end that dialog with BYE), and the request is no longer kept.
    /// </summary>
    public byte[]? CreateCancel()
    {
        if (Method != SipMethod.Invite) throw new InvalidOperationException($"Only an INVITE can be cancelled; this is {SipMethods.ToName(Method)}.");
        // Read once: a 2xx arriving on another thread releases it (the TU may still be handling a provisional queued before).
        var request = RequestOrNull;
        return request is null ? null : SipRequestBuilder.Cancel(request);
    }

    /// <summary>Arms the timers and sends the request for the first time.</summary>
    internal void Start()
    {
        var effects = new Effects();
        lock (Gate)
        {
            // Timers first, on the clock as it was when the request left: a peer can answer, and a test's fake clock
            // move on, before the send returns. They cannot fire before the lock is released; a failed send disposes them.
            StartTimersLocked();
            Send(Request.Raw, Destination, ref effects);
        }
        Finish(in effects);
    }

    private protected abstract void StartTimersLocked();

    /// <summary>A response matching this transaction. False when it is not the transaction's any more (a 2xx after termination: stray).</summary>
    internal bool OnResponse(SipMessage response)
    {
        var effects = new Effects();
        bool handled;
        lock (Gate) handled = OnResponseLocked(response, ref effects);
        Finish(in effects);
        return handled;
    }

    private protected abstract bool OnResponseLocked(SipMessage response, ref Effects effects);

    /// <summary>Records the final response and hands it to the TU after the lock.</summary>
    private protected void DeliverFinal(SipMessage response, ref Effects effects, bool keep = true)
    {
        if (_finalStatusCode == 0) // the first final only
        {
            if (keep) _finalResponse = response;
            _finalStatusCode = response.StatusCode;
        }
        effects.ResponseForUser = response;
    }

    /// <summary>
    /// An INVITE accepted by a 2xx: the TU has the response (it is on its way in the effects) and builds the ACK from
    /// its dialog. Matching retransmissions needs only the key, so the request and the response are dropped: 32 s of
    /// both per call were the largest share of the heap at high call rates.
    /// </summary>
    private protected void ReleaseForAccepted()
    {
        _finalResponse = null;
        ReleaseRequest();
    }

    /// <summary>Timer B or F: the TU gets a local 408 (RFC 3261 §8.1.3.1) and the timeout outcome.</summary>
    private protected void TimeOut(ref Effects effects)
    {
        Terminate(SipTransactionOutcome.Timeout, ref effects);
        if (_finalStatusCode == 0) DeliverFinal(LocalResponse(408, "Request Timeout"), ref effects);
    }

    /// <summary>A transport error before a final response is treated as a 503 (RFC 3261 §8.1.3.1).</summary>
    private protected override void OnTransportErrorLocked(ref Effects effects)
    {
        if (_finalStatusCode == 0) DeliverFinal(LocalResponse(503, "Service Unavailable"), ref effects);
    }

    private protected override void Notify(in Effects effects)
    {
        if (effects.ResponseForUser is { } response)
        {
            try
            {
                _user.OnResponse(this, response);
            }
            catch (Exception ex)
            {
                Layer.ReportCallbackError(ex);
            }
        }
        if (effects.Terminated != SipTransactionOutcome.None) _user.OnTerminated(this, effects.Terminated);
    }

    private SipMessage LocalResponse(int statusCode, string reasonPhrase)
    {
        var bytes = SipResponseFactory.Create(Request, statusCode, reasonPhrase).Finish();
        if (!SipMessageParser.TryParse(bytes, out var response, out var error) || response is null)
            throw new InvalidOperationException($"The local {statusCode} response did not parse ({error}); the request was accepted by the same parser.");
        return response;
    }
}
