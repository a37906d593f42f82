using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Calls the ACD routes (voice delivered through the call engine, ACD-04/05): the caller is answered and hears music
/// while it waits; the ACD offers it to an agent's extension — with auto-answer headers in automatic mode, ringing in
/// manual mode — and it is bridged when the agent's phone answers. A failed offer goes back to the ACD, which picks
/// the next agent; the caller's hang-up is an abandon.
/// </summary>
public sealed partial class Call
{
    private string? _offeredAgent;
    private DialAttempt? _offer;
    private ITimer? _offerTimer;
    private int _offerGeneration;

    /// <summary>The agent connected to this ACD call (null before, or for calls the ACD does not route).</summary>
    public string? Agent { get; private set; }

    private string? _queuedService;

    /// <summary>From RouteFromTrunk: the DID belongs to an ACD service. The caller is answered and queued.</summary>
    private void EnterQueue(string serviceId)
    {
        _queuedService = serviceId;
        Service = serviceId;
        var inbound = (InboundLeg)_a!;
        if (inbound.SessionTimer is { } timer) StartSessionTimer(inbound, timer);
        if (!inbound.Accept(() => OnAckTimeout(inbound), out var error))
        {
            End(HangupSide.System, 400, "caller dialog: " + error);
            return;
        }
        AnsweredAt = Engine.Time.GetUtcNow();
        State = CallState.Queued;
        inbound.Media.PlayMusicOnHold();
        RecordCallerPlayback();
        Publish(CallEventTypes.Queued);
        Engine.Queue!.Enqueued(new QueuedCall(Id, serviceId, Caller, Did, Trunk));
    }

    /// <param name="record">The service records its calls: recording starts when the agent answers (and goes on across transfers).</param>
    internal CallCommandResult OfferCommand(string agentId, string extension, AnswerMode mode, TimeSpan answerDelay, TimeSpan timeout,
        bool record = false)
    {
        if (State != CallState.Queued || _a is null) return CallCommandResult.Fail("invalid_call_state", "Only a queued call can be offered.", State);
        if (_offer is not null) return CallCommandResult.Fail("offer_pending", $"The call is already offered to {_offeredAgent}.", State);
        _autoRecord = record;
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded) return CallCommandResult.Fail("engine_overloaded", "No RTP port is free; retry later.", State);
        var host = _localHost;
        var headers = mode == AnswerMode.Automatic ? AutoAnswerHeaders.For(host, answerDelay) : null;
        var dial = new DialAttempt(this, "agent", media.Leg!, [ExtensionStep([extension], null, headers)], Caller, 69);
        int generation = ++_offerGeneration;
        dial.Answered += (winner, response) => OnOfferAnswered(generation, agentId, winner, response);
        dial.Failed += (status, _) => OnOfferFailed(generation, agentId, rejected: status is 486 or 600 or 603);
        _offer = dial;
        _offeredAgent = agentId;
        _offerTimer = Engine.Time.CreateTimer(_ => Post(() => OnOfferTimeout(generation, agentId)), null, timeout, Timeout.InfiniteTimeSpan);
        Publish(CallEventTypes.Offered, extension, agentId);
        dial.Start();
        return CallCommandResult.Ok(State);
    }

    /// <summary>
    /// Manual mode, accepted by command (CTI answer_call): the ringing phone cannot be made to pick up, so the offer is
    /// cancelled and the extension invited again with auto-answer headers — phone-agnostic.
    /// </summary>
    internal CallCommandResult AcceptOfferCommand(string agentId, string extension)
    {
        if (State != CallState.Queued || _offer is null || _offeredAgent != agentId)
            return CallCommandResult.Fail("no_offer", $"The call is not being offered to {agentId}.", State);
        var old = _offer;
        CancelOffer();
        old.Media.Dispose();
        return OfferCommand(agentId, extension, AnswerMode.Automatic, TimeSpan.Zero, Engine.Options.NoAnswerTimeout, _autoRecord);
    }

    internal CallCommandResult WithdrawOfferCommand(string agentId)
    {
        if (_offer is null || _offeredAgent != agentId) return CallCommandResult.Fail("no_offer", $"The call is not being offered to {agentId}.", State);
        var media = _offer.Media;
        CancelOffer();
        media.Dispose();
        return CallCommandResult.Ok(State);
    }

    private void CancelOffer()
    {
        _offerTimer?.Dispose();
        _offer?.Cancel();
        _offer = null;
        _offeredAgent = null;
        _offerGeneration++;
    }

    private void OnOfferAnswered(int generation, string agentId, OutboundLeg winner, SipMessage response)
    {
        if (generation != _offerGeneration || State != CallState.Queued || _a is null)
        {
            winner.HangUp();
            return;
        }
        var negotiation = winner.ApplyAnswer(response.Body.Span);
        _offerTimer?.Dispose();
        _offer = null;
        _offeredAgent = null;
        if (!negotiation.IsSuccess)
        {
            winner.HangUp();
            Engine.Queue?.OfferFailed(Id, agentId, rejected: true);
            return;
        }
        _b = winner;
        _firstAnsweredBy ??= winner.Party;
        Agent = agentId;
        Rebridge(_a, winner);
        State = CallState.Talking;
        Publish(CallEventTypes.Answered, winner.Party, agentId);
        Engine.Queue?.OfferAnswered(Id, agentId);
        RecordIfConfigured();
    }

    private void OnOfferFailed(int generation, string agentId, bool rejected)
    {
        if (generation != _offerGeneration) return;
        var media = _offer?.Media;
        _offerTimer?.Dispose();
        _offer = null;
        _offeredAgent = null;
        media?.Dispose();
        if (State == CallState.Queued) Engine.Queue?.OfferFailed(Id, agentId, rejected);
    }

    private void OnOfferTimeout(int generation, string agentId)
    {
        if (generation != _offerGeneration || _offer is null) return;
        var media = _offer.Media;
        CancelOffer();
        media.Dispose();
        if (State == CallState.Queued) Engine.Queue?.OfferFailed(Id, agentId, rejected: false);
    }

    /// <summary>The ACD gives the call back (no agent within the maximum wait, service removed): the caller is hung up.</summary>
    internal CallCommandResult ReleaseQueuedCommand(string reason)
    {
        if (State != CallState.Queued) return CallCommandResult.Fail("invalid_call_state", "Only a queued call can be released.", State);
        CancelOffer();
        HangUpAll();
        End(HangupSide.System, 480, "released by the ACD: " + reason);
        return CallCommandResult.Ok(State);
    }

    /// <summary>
    /// ACD-08: the ACD moved the call to <paramref name="serviceId"/> (a transfer or a release to a queue, or on its way to
    /// an agent it is transferred to directly). Its agent is hung up and the caller — still anchored here — hears music
    /// again while it waits for the next offer. A call already waiting just changes service.
    /// </summary>
    internal CallCommandResult RequeueCommand(string serviceId)
    {
        if (_queuedService is null || _a is null) return CallCommandResult.Fail("not_an_acd_call", "The ACD did not route this call.", State);
        if (State == CallState.Queued)
        {
            _queuedService = serviceId;
            Service = serviceId;
            return CallCommandResult.Ok(State);
        }
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a waiting or connected ACD call can go back to a queue.", State);
        if (InConference || _consulter is not null || _transferor is not null)
            return CallCommandResult.Fail("invalid_call_state", "The call is in a conference, a consultation or a transfer.", State);
        var caller = _a;
        var agentLeg = _b;
        var agentId = Agent;
        if (agentLeg is not null)
        {
            agentLeg.Media.Unbridge();
            agentLeg.HangUp();
            agentLeg.EndedAt ??= Engine.Time.GetUtcNow();
            agentLeg.CloseHoldClock();
            agentLeg.Timer?.Dispose();
            _b = null;
        }
        if (caller.HeldByUs)
        {
            // The agent had put the customer on hold: take it off, or the next agent would find it held.
            caller.HeldByUs = false;
            caller.UpdateHoldClock();
            SendReOffer(caller, () => caller.Media.Resume().ToBytes());
        }
        Agent = null;
        _queuedService = serviceId;
        Service = serviceId;
        State = CallState.Queued;
        caller.Media.Unbridge();
        caller.Media.PlayMusicOnHold();
        RecordCallerPlayback();
        Publish(CallEventTypes.Queued, agentLeg?.Party, agentId);
        return CallCommandResult.Ok(State);
    }

    /// <summary>
    /// A queue announcement (the service's position / expected wait): spoken prompts (<see cref="QueuePrompts"/>) played
    /// to the waiting caller, then the music resumes where it stopped. A newer announcement replaces one still playing.
    /// </summary>
    internal CallCommandResult AnnounceCommand(int? position, int? expectedWaitSeconds)
    {
        if (State != CallState.Queued || _a is null) return CallCommandResult.Fail("invalid_call_state", "Only a waiting call hears announcements.", State);
        var clips = QueuePrompts.Compose(position, expectedWaitSeconds);
        if (clips.Count == 0) return CallCommandResult.Ok(State);
        var media = _a.Media;
        var playing = media.Endpoint.Playing;
        if (playing is RecordedPlayback recorded) playing = recorded.Source;
        if (playing is PromptSequence earlier) playing = earlier.Then;
        if (playing is null)
        {
            media.PlayMusicOnHold();
            playing = media.Endpoint.Playing;
        }
        media.Play(new PromptSequence(clips, playing!.Format, playing));
        RecordCallerPlayback();
        return CallCommandResult.Ok(State);
    }

    /// <summary>
    /// ACD-01 permissions, enforced however the agent asks (CTI command or its phone's REFER): on a call an ACD service
    /// routed, the agent's side (any leg but the caller's) may consult, transfer or conference only as the service allows.
    /// </summary>
    private CallCommandResult? NotPermitted(CallPermission permission, CallLeg? actor)
    {
        if (_queuedService is null || Service is not { } service || Engine.Queue is not { } queue || ReferenceEquals(actor, _a)) return null;
        if (queue.Permits(service, permission)) return null;
        var (code, verb) = permission switch
        {
            CallPermission.Consult => ("consult_not_permitted", "consult"),
            CallPermission.Transfer => ("transfer_not_permitted", "transfer"),
            _ => ("conference_not_permitted", "hold conferences"),
        };
        return CallCommandResult.Fail(code, $"Service '{service}' does not allow agents to {verb}.", State);
    }

    /// <summary>Tells the ACD how an ACD call ended (abandoned while waiting, or ended after an agent took it).</summary>
    private void ReportEndToQueue()
    {
        if (_queuedService is null || Engine.Queue is not { } queue) return;
        if (Agent is null) queue.Abandoned(Id);
        else queue.Ended(Id);
    }
}
