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
        EndedAt = Engine.Time.GetUtcNow();
        _noAnswerTimer?.Dispose();
        _dialing?.Cancel();
        _transferDial?.Cancel();
        StopRecording();
        _conference?.Dispose();
        _offerTimer?.Dispose();
        var legs = new List<LegDetailRecord>();
        var seenMedia = new HashSet<MediaLeg>(_handedOverMedia); // moved to another call with their leg: not ours to dispose
        TimeSpan hold = TimeSpan.Zero;
        foreach (var leg in _legs)
        {
            leg.Dialog?.Terminate();
            leg.Timer?.Dispose();
            leg.CloseHoldClock();
            hold += leg.HoldTime;
            // Losing forks share the winner's media leg and never connected: the CDR lists the legs that answered,
            // plus the caller's.
            bool connected = leg.AnsweredAt is not null || ReferenceEquals(leg, _a);
            if (connected) legs.Add(Leg(legs.Count, leg, Report(leg.Media)));
            if (seenMedia.Add(leg.Media)) leg.Media.Dispose();
        }
        if (_dialing?.Media is { } dialMedia && seenMedia.Add(dialMedia)) dialMedia.Dispose();
        if (_transferDial?.Media is { } transferMedia && seenMedia.Add(transferMedia)) transferMedia.Dispose();
        State = CallState.Ended;
        Record = new CallDetailRecord
        {
            Id = Id,
            Direction = Direction,
            Caller = Caller,
            Callee = Callee,
            Trunk = Trunk,
            Did = Did,
            ServiceId = Service,
            AnsweredBy = AnsweredAt is null ? null : _firstAnsweredBy,
            StartedAt = StartedAt,
            RingingAt = RingingAt,
            AnsweredAt = AnsweredAt,
            EndedAt = EndedAt,
            HoldTime = hold,
            HangupCode = code,
            HangupReason = reason,
            HangupSide = side,
            RecordingIds = _recordingIds.ToArray(),
            Legs = legs,
        };
        try
        {
            Engine.Cdr?.Complete(Record);
        }
        catch (Exception ex)
        {
            Engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id}: CDR not written", ex);
        }
        Publish(CallEventTypes.Ended, cdr: Record);
        ReportEndToQueue();
        Engine.RaiseEnded(this);
        _ended.TrySetResult();
    }

    private string? _firstAnsweredBy;

    private LegDetailRecord Leg(int index, CallLeg leg, LegQualityReport? report) =>
        new(index, leg.Role, leg.Party, leg.SipCallId, leg.Codec, leg.CreatedAt, leg.AnsweredAt, leg.EndedAt ?? EndedAt,
            PacketsReceived: report?.Inbound.Packets,
            PacketsLost: report?.Inbound.PacketsLost,
            JitterMilliseconds: report?.Inbound.JitterMilliseconds,
            Mos: report?.Inbound.Quality.Mos);

    private static LegQualityReport? Report(MediaLeg? leg) => leg is null || leg.IsDisposed ? null : leg.GetQualityReport();

    /// <summary>Media threads call this: the event is handled on the call's queue.</summary>
    private void OnMediaEvent(MediaEvent e) => Post(() => HandleMediaEvent(e));

    private void HandleMediaEvent(MediaEvent e)
    {
        switch (e)
        {
            case DtmfReceivedEvent dtmf:
                OnMediaDtmf(dtmf);
                return;
            case MediaTimeoutEvent conferenceTimeout when InConference && _members.Find(m => ReferenceEquals(m.Media, conferenceTimeout.Leg)) is { } silent:
                silent.HangUp();
                Engine.CountRtpTimeout();
                OnConferenceMemberLeft(silent, $"no RTP for {conferenceTimeout.Silence.TotalSeconds:0} s");
                return;
            case MediaTimeoutEvent timeout when State is CallState.Answered or CallState.Talking or CallState.Queued:
                // A phone that vanished (crash, network gone) sends neither BYE nor RTP: the silence ends the call.
                var leg = _a is { } a && ReferenceEquals(a.Media, timeout.Leg) ? a : _b;
                if (leg is null || !ReferenceEquals(leg.Media, timeout.Leg)) return;
                Engine.CountRtpTimeout();
                HangUpAll();
                End(HangupSide.System, 408, $"no RTP from the {leg.Role} for {timeout.Silence.TotalSeconds:0} s");
                return;
        }
    }

    /// <summary>The engine is stopping: every leg is hung up however far the call got.</summary>
    internal void Shutdown()
    {
        if (State == CallState.Ended) return;
        if (State is CallState.Routing or CallState.Ringing) (_a as InboundLeg)?.Reject(503, "Service Unavailable");
        HangUpAll();
        End(HangupSide.System, 503, "server stopping");
    }
}
