using System.Collections.Concurrent;
using ContactCenter.Events;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// One call through the B2BUA: the leg that called (A, we are its UAS) and the leg it is connected to (B, we are its
/// UAC), each a SIP dialog with its own media leg bridged in the media engine; plus whatever is being dialled (the
/// callee's forks, a transfer target). Everything that touches a call runs on its own queue, one item at a time, so the
/// state below needs no locks; SIP, media and timer threads only <see cref="Post"/>.
/// </summary>
public sealed partial class Call : IThreadPoolWorkItem
{
    // The call's queue: work items run one at a time on the thread pool, scheduled only while there is work (no task
    // or async loop per call, no wake-up for an idle call).
    // A small queue under its own lock, not a ConcurrentQueue: that one starts with a 32-slot segment (≈ 0.6 KB) for
    // every call, most of which see a handful of items, and a call's posts rarely contend.
    private readonly Queue<Action> _work = new(4);
    private int _queued;
    private int _scheduled;
    private volatile bool _closed;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, CallLeg> _legsByCallId = new(StringComparer.Ordinal);
    private readonly List<CallLeg> _legs = [];

    private CallLeg? _a;
    private CallLeg? _b;
    private DialAttempt? _dialing;
    private ITimer? _noAnswerTimer;

    internal Call(CallEngine engine, string callerCallId)
    {
        Engine = engine;
        CallerCallId = callerCallId;
        // Version 7: time-ordered, so the CDR tables' keys grow at the right edge of their B-trees instead of landing on a
        // random page each (random v4 keys made SQLite read and rewrite pages all over the file under load).
        StartedAt = engine.Time.GetUtcNow();
        Id = TimeOrderedIds.NewVersion7(StartedAt).ToString("N");
    }

    /// <summary>Our id for the call (CDR, events); not a SIP Call-ID.</summary>
    public string Id { get; }

    /// <summary>Who called: the extension, or the caller's number as received from the trunk (E.164 when known).</summary>
    public string Caller { get; private set; } = "";

    /// <summary>What was dialled: the extension, the outside number, or the DID.</summary>
    public string Callee { get; private set; } = "";

    /// <summary>The party connected now (changes with a transfer); null before an answer.</summary>
    public string? ConnectedParty => _b?.Party;

    public CallDirection Direction { get; private set; } = CallDirection.Internal;

    /// <summary>The trunk the call came in on or went out through.</summary>
    public string? Trunk { get; private set; }

    /// <summary>The DID that routed an inbound call.</summary>
    public string? Did { get; private set; }

    /// <summary>The service a DID routed the call to.</summary>
    public string? Service { get; private set; }

    private volatile CallState _state = CallState.Routing;

    /// <summary>Changed only on the call's queue; readable from anywhere.</summary>
    public CallState State
    {
        get => _state;
        private set => _state = value;
    }

    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? RingingAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The caller's media leg (RTP between the caller and us), or null before it exists.</summary>
    public MediaLeg? CallerMedia => _a?.Media;

    /// <summary>The connected callee's media leg (or, while dialling, the one the forks offer).</summary>
    public MediaLeg? CalleeMedia => _b?.Media ?? _dialing?.Media;

    /// <summary>Completes when the call's queue has drained for good (call ended, every INVITE we sent answered).</summary>
    public Task Completion => _completion.Task;

    internal CallEngine Engine { get; }

    internal string CallerCallId { get; }

    /// <summary>Every SIP Call-ID this call answers for (its legs, forks included).</summary>
    internal IEnumerable<string> SipCallIds => _legsByCallId.Keys;

    /// <summary>Queues work for this call; dropped (and logged) when the call is gone or its queue is full.</summary>
    internal bool Post(Action work)
    {
        if (_closed)
        {
            // A message or timer that raced the call's release (it was looked up just before): nothing is left to do.
            Engine.Log.Write(SipLogLevel.Debug, "calls", () => $"Call {Id}: already released; late work dropped");
            return false;
        }
        if (Interlocked.Increment(ref _queued) > Engine.Options.QueueCapacity)
        {
            Interlocked.Decrement(ref _queued);
            Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {Id}: queue full ({Engine.Options.QueueCapacity}); work dropped");
            return false;
        }
        Engine.WorkQueued(); // before the item can be taken, so the engine's count never reads below zero
        lock (_work) _work.Enqueue(work);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return true;
    }

    /// <summary>Makes the leg's Call-ID lead to this call (in-dialog requests, stray responses).</summary>
    internal void IndexLeg(CallLeg leg)
    {
        _legsByCallId[leg.SipCallId] = leg;
        _legs.Add(leg);
        Engine.Index(leg.SipCallId, this);
    }

    /// <summary>Runs queued work until none is left (at most a batch, then yields the thread to other calls).</summary>
    void IThreadPoolWorkItem.Execute()
    {
        // Items already queued when the call closes still run: each sees the call ended (a late command gets
        // call_not_found, a late request 481) instead of waiting forever.
        for (int i = 0; i < 64 && TryTakeWork(out var work); i++)
        {
            Interlocked.Decrement(ref _queued);
            Engine.WorkRan();
            try
            {
                work();
            }
            catch (Exception ex)
            {
                // A bug in one step must not leave the call half-open: log it, and end the call if it was not over yet.
                Engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id} failed in state {State}", ex);
                if (State != CallState.Ended) TryFail(ex);
            }
            if (!_closed && State == CallState.Ended && AllInvitesAnswered())
            {
                _closed = true;
                foreach (var leg in _legs)
                    if (leg is OutboundLeg outbound) outbound.DetachFromCall();
                Engine.Release(this);
                _completion.TrySetResult();
            }
        }
        Volatile.Write(ref _scheduled, 0);
        // Work posted while this batch ran (or left by the batch limit) is picked up by a fresh schedule.
        if (HasWork() && Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private bool TryTakeWork([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Action? work)
    {
        lock (_work) return _work.TryDequeue(out work);
    }

    private bool HasWork()
    {
        lock (_work) return _work.Count > 0;
    }

    // Every INVITE we sent has its final response (or its transaction is over): nothing left needs the call itself.
    private bool AllInvitesAnswered()
    {
        foreach (var leg in _legs)
            if (leg is OutboundLeg { CanDetach: false }) return false;
        return true;
    }

    private void TryFail(Exception ex)
    {
        try
        {
            HangUpAll();
            End(HangupSide.System, 500, "internal error: " + ex.GetType().Name);
        }
        catch (Exception again)
        {
            Engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id} could not be ended cleanly", again);
            State = CallState.Ended;
            _ended.TrySetResult();
            Engine.CallInactive();
        }
    }

    public override string ToString() => $"Call {Id} {Caller}->{Callee} ({State})";
}
