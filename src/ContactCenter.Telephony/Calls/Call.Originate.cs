using ContactCenter.Media.Playback;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// A call the engine places (click-to-dial, make_call): the extension is called first — with auto-answer headers in
/// automatic mode — and hears ringback from us while the destination is dialled; the two are bridged when the
/// destination answers. No phone sent us an INVITE: both legs are ours as UAC.
/// </summary>
public sealed partial class Call
{
    private IReadOnlyList<RingStep>? _destinationSteps;

    internal CallCommandResult StartOriginate(string extension, string destination, AnswerMode mode, TimeSpan answerDelay, string host)
    {
        Caller = extension;
        Callee = destination;
        if (!Engine.IsExtension(extension)) return FailOriginate("extension_not_found", $"'{extension}' is not an extension.");
        if (Engine.Location.Lookup(extension).Count == 0)
            return FailOriginate("extension_not_registered", $"Extension '{extension}' has no registered phone.");
        _destinationSteps = OriginateSteps(extension, destination, out var refusal);
        if (_destinationSteps is null) return FailOriginate("destination_not_found", refusal?.Detail ?? $"'{destination}' cannot be reached.");
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded) return FailOriginate("engine_overloaded", "No RTP port is free; retry later.");
        _localHost = host;
        _setupClientData = _commandClientData;
        BeginRecord();
        Publish(CallEventTypes.Created);
        var headers = mode == AnswerMode.Automatic ? AutoAnswerHeaders.For(host, answerDelay) : null;
        var dial = new DialAttempt(this, "originator", media.Leg!, [ExtensionStep([extension], null, headers, fromUser: destination)], destination, 70);
        dial.Answered += OnOriginatorAnswered;
        dial.Failed += (status, reason) =>
        {
            if (State == CallState.Ended) return;
            End(HangupSide.Caller, status, $"the extension did not answer: {status} {reason}");
        };
        _dialing = dial;
        _noAnswerTimer = Engine.Time.CreateTimer(_ => Post(OnOriginateTimeout), null, Engine.Options.NoAnswerTimeout, Timeout.InfiniteTimeSpan);
        dial.Start();
        return CallCommandResult.Ok(State);
    }

    private CallCommandResult FailOriginate(string code, string message)
    {
        State = CallState.Ended;
        _ended.TrySetResult();
        Engine.CallInactive();
        return CallCommandResult.Fail(code, message);
    }

    private IReadOnlyList<RingStep>? OriginateSteps(string extension, string destination, out Refusal? refusal)
    {
        var steps = DialPlanSteps(extension, destination, null, out var trunk, out _, out refusal);
        if (trunk is not null)
        {
            Direction = CallDirection.Outbound;
            Trunk = trunk.Trunk.Name;
        }
        return steps;
    }

    private void OnOriginatorAnswered(OutboundLeg originator, SipMessage response)
    {
        if (State is not (CallState.Routing or CallState.Ringing))
        {
            originator.HangUp();
            return;
        }
        var negotiation = originator.ApplyAnswer(response.Body.Span);
        if (!negotiation.IsSuccess)
        {
            originator.HangUp();
            End(HangupSide.System, 488, "originator answer: " + negotiation);
            return;
        }
        originator.Role = "caller";
        _a = originator;
        originator.Media.PlayTone(TonePresets.RingbackEurope);
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded)
        {
            HangUpAll();
            End(HangupSide.System, 503, "no RTP ports");
            return;
        }
        var dial = new DialAttempt(this, "callee", media.Leg!, _destinationSteps!, Caller, 70);
        dial.Ringing += () =>
        {
            if (State != CallState.Routing) return;
            State = CallState.Ringing;
            RingingAt = Engine.Time.GetUtcNow();
            Publish(CallEventTypes.Ringing);
        };
        dial.Answered += OnDestinationAnswered;
        dial.Failed += (status, reason) =>
        {
            if (State is not (CallState.Routing or CallState.Ringing)) return;
            HangUpAll();
            End(HangupSide.Callee, status, reason);
        };
        _dialing = dial;
        dial.Start();
    }

    private void OnDestinationAnswered(OutboundLeg winner, SipMessage response)
    {
        if (State is not (CallState.Routing or CallState.Ringing) || _a is null)
        {
            winner.HangUp();
            return;
        }
        var negotiation = winner.ApplyAnswer(response.Body.Span);
        if (!negotiation.IsSuccess)
        {
            HangUpAll();
            End(HangupSide.System, 488, "destination answer: " + negotiation);
            return;
        }
        _noAnswerTimer?.Dispose();
        _b = winner;
        _firstAnsweredBy = winner.Party;
        _dialing = null;
        _a.Media.StopPlaying();
        _a.Media.BridgeWith(winner.Media);
        AnsweredAt = Engine.Time.GetUtcNow();
        State = CallState.Answered;
        Publish(CallEventTypes.Answered);
        _setupClientData = null;
        // Both dialogs are confirmed by our own ACKs: nothing further to wait for.
        State = CallState.Talking;
        RecordIfConfigured();
    }

    private void OnOriginateTimeout()
    {
        if (State is not (CallState.Routing or CallState.Ringing)) return;
        HangUpAll();
        End(HangupSide.System, 480, "no answer");
    }
}
