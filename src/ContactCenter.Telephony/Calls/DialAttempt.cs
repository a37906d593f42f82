using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Dialling someone for a call (the callee, or a transfer target): ring steps run one after the other, the targets of a
/// step are invited in parallel, the first 2xx wins and the other forks are cancelled (a 2xx that still arrives from a
/// loser is ACKed and hung up). Runs on the call's queue only.
/// </summary>
internal sealed class DialAttempt
{
    private readonly Call _call;
    private readonly Queue<RingStep> _steps;
    private readonly List<OutboundLeg> _forks = [];
    private readonly List<OutboundLeg> _stepForks = [];
    private ITimer? _stepTimer;
    private int _stepGeneration;
    private int _failureStatus;
    private string _failureReason = "Temporarily Unavailable";
    private bool _offered;

    public DialAttempt(Call call, string role, MediaLeg media, IEnumerable<RingStep> steps, string contactUser, int maxForwards)
    {
        _call = call;
        Role = role;
        Media = media;
        _steps = new Queue<RingStep>(steps);
        ContactUser = contactUser;
        MaxForwards = maxForwards;
    }

    public string Role { get; }

    /// <summary>The media leg every fork offers; it becomes the winner's.</summary>
    public MediaLeg Media { get; }

    public string ContactUser { get; }

    public int MaxForwards { get; }

    public OutboundLeg? Winner { get; private set; }

    /// <summary>Won, failed or cancelled: no further step starts.</summary>
    public bool Finished { get; private set; }

    /// <summary>Every INVITE we sent for this attempt has finished its transaction (for releasing the call).</summary>
    public bool AllInvitesDone => _forks.TrueForAll(f => f.InviteDone);

    /// <summary>Some target rang (180/183).</summary>
    public event Action? Ringing;

    /// <summary>The first 2xx: the winner with its dialog confirmed (ACK sent). The owner applies the answer.</summary>
    public event Action<OutboundLeg, SipMessage>? Answered;

    /// <summary>Every step failed: the status and reason to relay.</summary>
    public event Action<int, string>? Failed;

    public void Start() => NextStep();

    private void NextStep()
    {
        _stepTimer?.Dispose();
        _stepForks.Clear();
        while (!Finished && _steps.TryDequeue(out var step))
        {
            var targets = step.Targets();
            if (targets.Count == 0)
            {
                Remember(480, "Temporarily Unavailable");
                continue;
            }
            if (_offered) Media.CancelOffer();
            var offer = Media.CreateOffer().ToBytes();
            _offered = true;
            foreach (var target in targets)
            {
                var leg = new OutboundLeg(_call, Role, target, Media) { Attempt = this };
                _forks.Add(leg);
                _stepForks.Add(leg);
                _call.IndexLeg(leg);
                try
                {
                    leg.Send(offer, ContactUser, MaxForwards);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
                {
                    _call.Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {_call.Id}: cannot invite {target.RequestUri}: {ex.Message}");
                    leg.Abandoned = true;
                    Remember(502, "Bad Gateway");
                }
            }
            if (_stepForks.TrueForAll(f => f.Abandoned)) continue;
            if (step.Timeout is { } timeout)
            {
                int generation = ++_stepGeneration;
                _stepTimer = _call.Engine.Time.CreateTimer(_ => _call.Post(() => OnStepTimeout(generation)), null, timeout, Timeout.InfiniteTimeSpan);
            }
            return;
        }
        if (!Finished) Fail();
    }

    private void OnStepTimeout(int generation)
    {
        if (Finished || generation != _stepGeneration) return;
        foreach (var fork in _stepForks) if (!fork.Abandoned) fork.Cancel();
        Remember(480, "Temporarily Unavailable");
        NextStep();
    }

    public void OnResponse(OutboundLeg leg, SipMessage response)
    {
        int status = response.StatusCode;
        if (status < 200)
        {
            if (status == 100) return;
            leg.OnProvisional();
            if (!leg.Abandoned && !Finished && status is 180 or 183) Ringing?.Invoke();
            return;
        }
        if (status < 300)
        {
            OnSuccess(leg, response);
            return;
        }
        if (leg.Abandoned || Finished) return;
        if (status is 401 or 407)
        {
            if (leg.TryAnswerChallenge(response, out var failure)) return;
            _call.Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {_call.Id}: {leg.Target.RequestUri} challenge not answered: {failure}");
        }
        leg.Abandoned = true;
        Remember(status, System.Text.Encoding.UTF8.GetString(response.ReasonPhrase.Span));
        if (status >= 600)
        {
            // A global failure (§16.7): no other fork or step is tried.
            CancelAll();
            Fail();
            return;
        }
        if (_stepForks.TrueForAll(f => f.Abandoned)) NextStep();
    }

    private void OnSuccess(OutboundLeg leg, SipMessage response)
    {
        if (ReferenceEquals(leg, Winner))
        {
            if (leg.IsOurRetransmission(response)) leg.ResendAck(response);
            else leg.AckAndBye(response); // the same INVITE forked downstream and two phones answered
            return;
        }
        if (Finished || leg.Abandoned)
        {
            leg.AckAndBye(response);
            return;
        }
        if (!leg.Confirm(response, out var error))
        {
            _call.Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {_call.Id}: 2xx from {leg.Target.RequestUri} makes no dialog ({error})");
            leg.Abandoned = true;
            Remember(502, "Bad Gateway");
            if (_stepForks.TrueForAll(f => f.Abandoned)) NextStep();
            return;
        }
        Winner = leg;
        _call.StartSessionTimer(leg, SessionTimerNegotiation.AsUac(response));
        Finished = true;
        _stepTimer?.Dispose();
        foreach (var fork in _forks) if (!ReferenceEquals(fork, leg) && !fork.Abandoned) fork.Cancel();
        Answered?.Invoke(leg, response);
    }

    /// <summary>A client transaction ended without a final response (timeout, transport error): that fork failed.</summary>
    public void OnInviteDone(OutboundLeg leg, SipTransactionOutcome outcome)
    {
        if (leg.Abandoned || Finished || ReferenceEquals(leg, Winner)) return;
        if (leg.InviteTransaction?.FinalStatusCode > 0) return;
        leg.Abandoned = true;
        Remember(408, "Request Timeout");
        if (_stepForks.TrueForAll(f => f.Abandoned)) NextStep();
    }

    /// <summary>Stops dialling: pending forks are cancelled. The winner, if any, is the owner's to hang up.</summary>
    public void Cancel()
    {
        if (Finished) return;
        CancelAll();
        Finished = true;
    }

    private void CancelAll()
    {
        _stepTimer?.Dispose();
        foreach (var fork in _forks) if (!fork.Abandoned) fork.Cancel();
    }

    private void Fail()
    {
        Finished = true;
        _stepTimer?.Dispose();
        var (status, reason) = Relayed(_failureStatus, _failureReason);
        Failed?.Invoke(status, reason);
    }

    /// <summary>Keeps the most telling failure (§16.7 in spirit): 6xx, then busy, then any other 4xx, then the rest.</summary>
    private void Remember(int status, string reason)
    {
        if (Rank(status) <= Rank(_failureStatus)) return;
        _failureStatus = status;
        _failureReason = reason;
    }

    private static int Rank(int status) => status switch
    {
        0 => 0,
        >= 600 => 6,
        486 => 5,
        480 or 408 => 2,
        >= 400 and < 500 => 4,
        >= 500 => 3,
        _ => 1,
    };

    /// <summary>What the caller hears: busy, decline and not-found as they are; our own challenge or timeout is "unavailable".</summary>
    internal static (int Status, string Reason) Relayed(int status, string reason) => status switch
    {
        0 => (480, "Temporarily Unavailable"),
        401 or 407 or 408 => (480, "Temporarily Unavailable"),
        >= 500 and < 600 => (502, "Bad Gateway"),
        _ => (status, reason),
    };
}
