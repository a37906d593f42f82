using System.Collections.Concurrent;
using ContactCenter.Events;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Core;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// The B2BUA for one SIP stack: every INVITE from a known extension becomes a <see cref="Call"/> with an A-leg (the
/// caller) and a B-leg (the callee's registered contact), media anchored in the <see cref="MediaEngine"/>. This class
/// only routes SIP messages to their call by Call-ID; each call processes its messages one at a time on its own queue.
/// </summary>
/// <remarks>
/// Slice limits (follow-ups): INVITEs are not yet digest-authenticated (the caller must only be a known extension);
/// only the first contact of the callee is invited (no parallel forking); re-INVITE/UPDATE inside a call are refused
/// with 488; an INVITE without an SDP offer is refused with 488.
/// </remarks>
public sealed class CallEngine : ISipSessionUsage, IDisposable
{
    private readonly ConcurrentDictionary<string, Call> _byCallId = new(StringComparer.Ordinal);
    private int _disposed;

    public CallEngine(SipTransactionLayer transactions, ISipSender transport, LocationService location, MediaEngine media,
        Func<string, bool> isExtension, CallEngineOptions options, CdrStore? cdr, IEventBus? events, ISipLog log, TimeProvider time)
    {
        Transactions = transactions ?? throw new ArgumentNullException(nameof(transactions));
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
        Location = location ?? throw new ArgumentNullException(nameof(location));
        Media = media ?? throw new ArgumentNullException(nameof(media));
        IsExtension = isExtension ?? throw new ArgumentNullException(nameof(isExtension));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Cdr = cdr;
        Events = events;
        Log = new RateLimitedLog(log, time);
        Time = time;
    }

    public IReadOnlyList<SipMethod> Methods { get; } = [SipMethod.Invite, SipMethod.Bye];

    /// <summary>Calls not ended yet (each once, though it is indexed by both legs' Call-IDs).</summary>
    public IReadOnlyCollection<Call> ActiveCalls => _byCallId.Values.Distinct().Where(c => c.State != CallState.Ended).ToArray();

    /// <summary>
    /// Calls still held, ended ones included: an ended call stays until the callee's INVITE transaction is over (up to
    /// 64*T1 after its 2xx), so that a retransmitted 2xx still gets its ACK.
    /// </summary>
    public int HeldCalls => _byCallId.Values.Distinct().Count();

    /// <summary>Raised on the call's queue after its CDR is written and call.ended published.</summary>
    public event Action<Call>? CallEnded;

    internal SipTransactionLayer Transactions { get; }
    internal ISipSender Transport { get; }
    internal LocationService Location { get; }
    internal MediaEngine Media { get; }
    internal Func<string, bool> IsExtension { get; }
    internal CallEngineOptions Options { get; }
    internal CdrStore? Cdr { get; }
    internal IEventBus? Events { get; }
    internal RateLimitedLog Log { get; }
    internal TimeProvider Time { get; }

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var callId = request.CallIdString;
        if (request.Method == SipMethod.Invite && !request.HasToTag)
        {
            if (Volatile.Read(ref _disposed) != 0 || _byCallId.Count >= Options.MaxCalls * 2)
            {
                transaction.SendResponse(503, "Service Unavailable");
                return;
            }
            var call = new Call(this, callId);
            if (!_byCallId.TryAdd(callId, call))
            {
                // A second INVITE with a Call-ID we already hold and no To tag: a loop or a fork reaching us twice.
                transaction.SendResponse(482, "Loop Detected");
                return;
            }
            call.Start(transaction);
            return;
        }
        if (_byCallId.TryGetValue(callId, out var existing)) existing.Post(() => existing.OnInDialogRequest(transaction));
        else transaction.SendResponse(481, "Call/Transaction Does Not Exist");
    }

    public void OnCancel(ServerTransaction invite)
    {
        if (_byCallId.TryGetValue(invite.Request.CallIdString, out var call)) call.Post(() => call.OnCallerCancel(invite));
        else invite.SendResponse(487, "Request Terminated");
    }

    public void OnAck(SipMessage ack)
    {
        if (_byCallId.TryGetValue(ack.CallIdString, out var call)) call.Post(() => call.OnAck(ack));
    }

    public void OnStrayResponse(SipMessage response)
    {
        if (_byCallId.TryGetValue(response.CallIdString, out var call)) call.Post(() => call.OnStrayResponse(response));
        else Log.Write(SipLogLevel.Debug, "calls", () => $"Response {response.StatusCode} for no call; discarded");
    }

    internal void IndexCalleeLeg(string callId, Call call) => _byCallId.TryAdd(callId, call);

    /// <summary>The call is over and nothing can arrive for it any more: forget both Call-IDs.</summary>
    internal void Release(Call call)
    {
        _byCallId.TryRemove(new KeyValuePair<string, Call>(call.CallerCallId, call));
        if (call.CalleeCallId is { } b) _byCallId.TryRemove(new KeyValuePair<string, Call>(b, call));
    }

    internal void RaiseEnded(Call call)
    {
        try
        {
            CallEnded?.Invoke(call);
        }
        catch (Exception ex)
        {
            Log.Write(SipLogLevel.Error, "calls", () => "CallEnded handler failed", ex);
        }
    }

    /// <summary>Ends every call (BYE to both sides) and stops accepting new ones.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var call in _byCallId.Values.Distinct()) call.Post(call.Shutdown);
    }
}
