using ContactCenter.Media.Quality;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>The end of a call: media released, the CDR written, call.ended published. Runs once.</summary>
public sealed partial class Call
{
    /// <summary>The record written when the call ended (null until then).</summary>
    public CallDetailRecord? Record { get; private set; }

    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the call has ended (both sides hung up, CDR written); <see cref="Completion"/> comes later.</summary>
    public Task Ended => _ended.Task;

    private void End(HangupSide side, int? code, string reason)
    {
        if (State == CallState.Ended) return;
        EndedAt = _engine.Time.GetUtcNow();
        _noAnswerTimer?.Dispose();
        _callerDialog?.Terminate();
        var callerReport = Report(CallerMedia);
        var calleeReport = Report(CalleeMedia);
        CallerMedia?.Dispose();
        CalleeMedia?.Dispose();
        State = CallState.Ended;
        Record = new CallDetailRecord
        {
            Id = Id,
            Direction = CallDirection.Internal,
            Caller = Caller,
            Callee = Callee,
            AnsweredBy = AnsweredAt is null ? null : Callee,
            StartedAt = StartedAt,
            RingingAt = RingingAt,
            AnsweredAt = AnsweredAt,
            EndedAt = EndedAt,
            HangupCode = code,
            HangupReason = reason,
            HangupSide = side,
            Legs = CallerMedia is null ? [] :
            [
                Leg(0, "caller", Caller, CallerCallId, _callerCodec, callerReport),
                Leg(1, "callee", Callee, CalleeCallId, _calleeCodec, calleeReport),
            ],
        };
        try
        {
            _engine.Cdr?.Complete(Record);
        }
        catch (Exception ex)
        {
            _engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id}: CDR not written", ex);
        }
        try
        {
            _engine.Events?.Publish(CallEventTypes.Ended, new CallEventPayload(Id, Caller, Callee, State, Record),
                new Events.EventSubject(CallId: Id));
        }
        catch (Exception ex)
        {
            _engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id}: publishing call.ended failed", ex);
        }
        _engine.RaiseEnded(this);
        _ended.TrySetResult();
    }

    private LegDetailRecord Leg(int index, string role, string party, string? sipCallId, string? codec, LegQualityReport? report) =>
        new(index, role, party, sipCallId, codec, StartedAt, AnsweredAt, EndedAt,
            PacketsReceived: report?.Inbound.Packets,
            PacketsLost: report?.Inbound.PacketsLost,
            JitterMilliseconds: report?.Inbound.JitterMilliseconds,
            Mos: report?.Inbound.Quality.Mos);

    private static LegQualityReport? Report(MediaLeg? leg) => leg is null || leg.IsDisposed ? null : leg.GetQualityReport();

    /// <summary>Media threads call this: the event is handled on the call's queue.</summary>
    private void OnMediaEvent(MediaEvent e) => Post(() => HandleMediaEvent(e));

    private void HandleMediaEvent(MediaEvent e)
    {
        // A phone that vanished (crash, network gone) sends neither BYE nor RTP: the silence ends the call. DTMF is
        // not used by this slice.
        if (e is not MediaTimeoutEvent timeout || State is not (CallState.Answered or CallState.Talking)) return;
        var side = ReferenceEquals(timeout.Leg, CallerMedia) ? "caller" : "callee";
        SendByeToCaller();
        HangUpCallee();
        End(HangupSide.System, 408, $"no RTP from the {side} for {timeout.Silence.TotalSeconds:0} s");
    }

    /// <summary>The engine is stopping: both sides are hung up however far the call got.</summary>
    internal void Shutdown()
    {
        if (State == CallState.Ended) return;
        if (State is CallState.Routing or CallState.Ringing) _callerInvite?.SendResponse(503, "Service Unavailable");
        SendByeToCaller();
        HangUpCallee();
        End(HangupSide.System, 503, "server stopping");
    }
}
