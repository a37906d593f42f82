using System.Text;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Calls;

/// <summary>The caller's INVITE: who calls, where it goes, the media answer, and the dial plan that follows.</summary>
public sealed partial class Call
{
    private ServerTransaction? _invite;

    // The host the call addresses us by (the caller's Request-URI, or the one an originate command names), used in the
    // From and To of the legs we place. Kept here because the INVITE transaction drops its request once answered.
    private string _localHost = "cc";

    internal void Start(ServerTransaction invite, Trunk? trunk) => Post(() => OnInvite(invite, trunk));

    private void OnInvite(ServerTransaction invite, Trunk? trunk)
    {
        var request = invite.Request;
        string fromUser = FromUser(request);
        string dialled = request.RequestUri.UserString;
        Callee = dialled;
        if (trunk is not null)
        {
            Direction = CallDirection.Inbound;
            Trunk = trunk.Name;
            Caller = RoutingTable.NormalizeCaller(trunk, fromUser).Display;
        }
        else Caller = fromUser;

        _invite = invite;
        if (request.RequestUri.HostString is { Length: > 0 } host) _localHost = host;
        var steps = trunk is not null ? RouteFromTrunk(trunk, dialled, out var refusal) : RouteFromExtension(request, dialled, out refusal);
        BeginRecord();
        Publish(CallEventTypes.Created);
        if (refusal is { } r)
        {
            RejectCaller(r.Status, r.Reason, HangupSide.System, r.Detail);
            return;
        }
        if (request.MaxForwards is >= 0 and <= 1)
        {
            // We forward with one hop less (§16.6): a contact that leads back to us ends here instead of looping.
            RejectCaller(483, "Too Many Hops", HangupSide.System);
            return;
        }
        var sessionTimer = SessionTimerNegotiation.AsUas(request, Engine.Options.SessionTimers);
        if (sessionTimer.Verdict == SessionTimerVerdict.IntervalTooSmall)
        {
            invite.SendResponse(SipResponseFactory.Create(request, 422, "Session Interval Too Small", Encoding.ASCII.GetBytes(invite.LocalTag))
                .Header(HeaderId.MinSE, sessionTimer.MinSESeconds).Finish());
            End(HangupSide.System, 422, "session interval too small");
            return;
        }
        if (sessionTimer.Verdict == SessionTimerVerdict.Malformed)
        {
            RejectCaller(400, "Bad Session-Expires", HangupSide.System);
            return;
        }
        var callerMedia = Engine.Media.CreateLeg(OnMediaEvent);
        if (!callerMedia.Succeeded)
        {
            RejectBusyServer();
            return;
        }
        var inbound = new InboundLeg(this, "caller", Caller, invite, callerMedia.Leg!) { SessionTimer = sessionTimer };
        _a = inbound;
        IndexLeg(inbound);
        if (request.Body.IsEmpty)
        {
            // Delayed offer (RFC 3261 §13.2.1, common with trunks): our offer goes in the 200, the answer comes in the ACK.
            inbound.OfferInAnswer = true;
        }
        else
        {
            var negotiation = inbound.Media.AcceptOffer(request.Body.Span);
            if (!negotiation.IsSuccess)
            {
                RejectCaller(488, "Not Acceptable Here", HangupSide.System, negotiation.ToString());
                return;
            }
            inbound.Codec = negotiation.Media?.Codec.Name;
            inbound.Answer = negotiation.AnswerBytes();
        }
        if (_queuedService is { } queued)
        {
            EnterQueue(queued);
            return;
        }

        var calleeMedia = Engine.Media.CreateLeg(OnMediaEvent);
        if (!calleeMedia.Succeeded)
        {
            RejectBusyServer();
            return;
        }
        int hops = request.MaxForwards < 0 ? 70 : request.MaxForwards - 1;
        var dial = new DialAttempt(this, "callee", calleeMedia.Leg!, steps!, Caller, hops);
        dial.Ringing += RingCaller;
        dial.Answered += OnCalleeAnswered;
        dial.Failed += OnCalleeFailed;
        _dialing = dial;
        _noAnswerTimer = Engine.Time.CreateTimer(_ => Post(OnNoAnswer), null, Engine.Options.NoAnswerTimeout, Timeout.InfiniteTimeSpan);
        dial.Start();
    }

    private void BeginRecord()
    {
        try
        {
            Engine.Cdr?.Begin(Id, Direction, Caller, Callee, StartedAt, Trunk, Did);
        }
        catch (Exception ex)
        {
            Engine.Log.Write(Sip.Diagnostics.SipLogLevel.Error, "calls", () => $"Call {Id}: CDR not begun", ex);
        }
    }

    /// <summary>A call from a phone: its From must be a known extension (authenticated or from where it registered).</summary>
    private IReadOnlyList<RingStep>? RouteFromExtension(SipMessage request, string dialled, out Refusal? refusal)
    {
        refusal = null;
        if (Caller.Length == 0 || !Engine.IsExtension(Caller))
        {
            refusal = new Refusal(403, "Forbidden", "the caller is not an extension");
            return null;
        }
        if (Engine.Authentication is null && Engine.Options.RequireRegisteredCaller && !IsFromRegisteredSource(request))
        {
            refusal = new Refusal(403, "Caller Not Registered From This Address", null);
            return null;
        }
        var steps = DialPlanSteps(Caller, dialled, null, out var trunk, out var target, out refusal);
        if (steps is null) return null;
        Callee = target;
        if (trunk is not null)
        {
            Direction = CallDirection.Outbound;
            Trunk = trunk.Trunk.Name;
        }
        return steps;
    }

    /// <summary>A call delivered by a trunk: the DID decides (an extension, or a service's ring group).</summary>
    private IReadOnlyList<RingStep>? RouteFromTrunk(Trunk trunk, string dialled, out Refusal? refusal)
    {
        refusal = null;
        if (Engine.Queue is { } queue)
        {
            // The ACD owns its entry points: those calls are answered and queued instead of ringing a group.
            var cleaned = RoutingTable.CleanDid(dialled);
            string? e164 = PhoneNumberNormalizer.TryToE164(cleaned, trunk.DefaultCountry, out var number) ? number : null;
            if (cleaned.Length > 0 && queue.ServiceForNumber(cleaned, e164) is { } acdService)
            {
                Did = e164 ?? cleaned;
                _queuedService = acdService;
                Service = acdService;
                return [];
            }
        }
        switch (Engine.Routing!.RouteInbound(trunk, dialled))
        {
            case InboundToExtension target:
                Did = target.Did;
                return [ExtensionStep([target.Extension], null)];
            case InboundToService service:
                Did = service.Did;
                Service = service.Service.Name;
                _autoRecord = service.Service.Record;
                return service.Service.Strategy == RingStrategy.Sequential
                    ? service.Service.Extensions.Select(e => ExtensionStep([e], service.Service.RingTimeout)).ToArray()
                    : [ExtensionStep(service.Service.Extensions, service.Service.RingTimeout)];
            default:
                refusal = new Refusal(404, "Not Found", $"no DID '{dialled}' on trunk {trunk.Name}");
                return null;
        }
    }

    private static string FromUser(SipMessage request)
    {
        if (!request.TryGetHeader(HeaderId.From, out var from) || !NameAddress.TryParse(from, out var address)) return "";
        return address.Uri.UserString;
    }

    private void RejectCaller(int status, string reason, HangupSide side, string? detail = null)
    {
        if (_a is InboundLeg inbound) inbound.Reject(status, reason);
        else _invite?.SendResponse(status, reason);
        End(side, status, detail ?? reason);
    }

    /// <summary>No RTP port left: 503 with Retry-After so phones and trunks back off instead of retrying at once.</summary>
    private void RejectBusyServer()
    {
        var seconds = Engine.Options.RetryAfterSeconds;
        if (_a is InboundLeg inbound) inbound.Reject(503, "Service Unavailable", w => w.Header(HeaderId.RetryAfter, seconds));
        else if (_invite is { } invite)
            invite.SendResponse(SipResponseFactory.Create(invite.Request, 503, "Service Unavailable", Encoding.ASCII.GetBytes(invite.LocalTag))
                .Header(HeaderId.RetryAfter, seconds).Finish());
        End(HangupSide.System, 503, "no RTP ports");
    }

    private void RingCaller()
    {
        if (State != CallState.Routing) return;
        State = CallState.Ringing;
        RingingAt = Engine.Time.GetUtcNow();
        (_a as InboundLeg)?.Ring();
        Publish(CallEventTypes.Ringing);
    }

    private void OnCalleeAnswered(OutboundLeg winner, SipMessage response)
    {
        if (State is not (CallState.Routing or CallState.Ringing))
        {
            // The caller left (CANCEL, timeout) while the callee answered: end the callee's side too.
            winner.HangUp();
            return;
        }
        var negotiation = winner.ApplyAnswer(response.Body.Span);
        if (!negotiation.IsSuccess)
        {
            winner.HangUp();
            RejectCaller(488, "Not Acceptable Here", HangupSide.System, "callee answer: " + negotiation);
            return;
        }
        _noAnswerTimer?.Dispose();
        _b = winner;
        _firstAnsweredBy = winner.Party;
        _dialing = null;
        _a!.Media.BridgeWith(winner.Media);
        var inbound = (InboundLeg)_a;
        // Timer first, then the 200: whoever sees the 200 sees the session timer running.
        StartSessionTimer(inbound, inbound.SessionTimer!);
        if (!inbound.Accept(() => OnAckTimeout(inbound), out var error))
        {
            Engine.Log.Write(Sip.Diagnostics.SipLogLevel.Warning, "calls", () => $"Call {Id}: caller dialog not created ({error})");
            winner.HangUp();
            End(HangupSide.System, 400, "caller dialog: " + error);
            return;
        }
        State = CallState.Answered;
        AnsweredAt = Engine.Time.GetUtcNow();
        Publish(CallEventTypes.Answered);
        RecordIfConfigured();
    }

    private void OnCalleeFailed(int status, string reason)
    {
        if (State is not (CallState.Routing or CallState.Ringing)) return;
        _noAnswerTimer?.Dispose();
        RejectCaller(status, reason, HangupSide.Callee);
    }

    private void OnNoAnswer()
    {
        if (State is not (CallState.Routing or CallState.Ringing)) return;
        _dialing?.Cancel();
        RejectCaller(480, "Temporarily Unavailable", HangupSide.System, "no answer");
    }

    private void OnAckTimeout(InboundLeg leg)
    {
        if (State == CallState.Ended || leg.Dialog?.AwaitingAck is null) return;
        HangUpAll();
        End(HangupSide.System, 408, $"no ACK from the {leg.Role}");
    }

    internal void OnCallerCancel(ServerTransaction invite)
    {
        // Too late once our 200 is out: it crossed the CANCEL, and the caller will BYE (RFC 3261 §9.2).
        if (State is not (CallState.Routing or CallState.Ringing)) return;
        _dialing?.Cancel();
        RejectCaller(487, "Request Terminated", HangupSide.Caller, "cancelled by the caller");
    }

    /// <summary>Whether the INVITE came from where one of the caller's bindings registered.</summary>
    private bool IsFromRegisteredSource(SipMessage request)
    {
        var source = request.Source;
        if (source == null) return false;
        foreach (var binding in Engine.Location.Lookup(Caller))
        {
            var registered = binding.Source;
            if (registered.Transport != source.Transport || !registered.RemoteEndPoint.Address.Equals(source.RemoteEndPoint.Address)) continue;
            // UDP: the same socket (address and port). TCP cannot be address-spoofed, and phones may open a new
            // connection per transaction, so the address suffices there.
            if (source.Transport != SipTransportKind.Udp || registered.RemoteEndPoint.Port == source.RemoteEndPoint.Port)
                return true;
        }
        return false;
    }

    private readonly record struct Refusal(int Status, string Reason, string? Detail);
}
