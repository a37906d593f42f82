using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Consultation by command (CTI consult_call / complete_transfer / cancel_consult / conference): the agent's phone keeps
/// its one dialog; the engine puts the customer on music, dials the consulted party and re-bridges the agent's media leg
/// to it. Complete bridges the customer to the consulted party and releases the agent; cancel brings the agent back to
/// the customer; conference mixes all three. No second call on the phone, so it works with any phone.
/// </summary>
public sealed partial class Call
{
    private CallLeg? _consulter;
    private DialAttempt? _consultDial;
    private CallLeg? _consulted;

    /// <summary>The party being consulted (dialled or connected), or null.</summary>
    public string? ConsultedParty => _consulted?.Party ?? (_consultDial is { Finished: false } ? _consultTarget : null);

    private string? _consultTarget;

    internal CallCommandResult ConsultCommand(string party, string target)
    {
        if (!IsConnected || InConference) return CallCommandResult.Fail("invalid_call_state", "Only a connected two-party call can consult.", State);
        if (ConnectedLeg(party) is not { } agent || PartnerOf(agent) is not { } customer)
            return CallCommandResult.Fail("party_not_found", $"'{party}' is not connected to this call.", State);
        if (_consulter is not null || _transferor is not null)
            return CallCommandResult.Fail("consult_in_progress", "A consultation or transfer is already in progress.", State);
        if (NotPermitted(CallPermission.Consult, agent) is { } forbidden) return forbidden;
        // The consulted party sees the agent calling, not the customer.
        var steps = TransferSteps(agent, target, out var refusal, fromUser: agent.Party);
        if (steps is null) return CallCommandResult.Fail("destination_not_found", refusal?.Detail ?? $"'{target}' cannot be reached.", State);
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded) return CallCommandResult.Fail("engine_overloaded", "No RTP port is free; retry later.", State);

        _consulter = agent;
        _consultTarget = target;
        customer.Media.Unbridge();
        customer.HeldByUs = true;
        customer.UpdateHoldClock();
        customer.Media.PlayMusicOnHold();
        if (ReferenceEquals(customer, _a)) RecordCallerPlayback();
        agent.Media.PlayTone(Media.Playback.TonePresets.RingbackEurope);
        Publish(CallEventTypes.Held, customer.Party, agent.Party);
        var dial = new DialAttempt(this, "consulted", media.Leg!, steps, agent.Party, 69);
        dial.Answered += (winner, response) => OnConsultAnswered(winner, response);
        dial.Failed += (status, reason) => OnConsultFailed(dial.Media, status, reason);
        _consultDial = dial;
        dial.Start();
        return CallCommandResult.Ok(State);
    }

    private void OnConsultAnswered(OutboundLeg winner, SipMessage response)
    {
        _consultDial = null;
        if (_consulter is not { } agent || !IsConnected)
        {
            winner.HangUp();
            return;
        }
        var negotiation = winner.ApplyAnswer(response.Body.Span);
        if (!negotiation.IsSuccess)
        {
            winner.HangUp();
            OnConsultFailed(winner.Media, 488, "Not Acceptable Here");
            return;
        }
        _consulted = winner;
        agent.Media.StopPlaying();
        agent.Media.BridgeWith(winner.Media);
        Publish(CallEventTypes.Consulted, winner.Party, agent.Party);
    }

    private void OnConsultFailed(MediaLeg media, int status, string reason)
    {
        _consultDial = null;
        media.Dispose();
        if (_consulter is not { } agent || !IsConnected) return;
        agent.Media.StopPlaying();
        Publish(CallEventTypes.ConsultFailed, _consultTarget, agent.Party);
        // The agent hears nothing until it cancels or tries again; the customer stays on music.
        agent.Media.PlayTone(Media.Playback.TonePresets.BusyEurope);
        Engine.Log.Write(Sip.Diagnostics.SipLogLevel.Information, "calls", () => $"Call {Id}: consult of {_consultTarget} failed: {status} {reason}");
    }

    /// <summary>The customer goes to the consulted party; the agent is released (BYE).</summary>
    internal CallCommandResult CompleteConsultCommand(string party)
    {
        if (_consulter is not { } agent || agent.Party != party) return CallCommandResult.Fail("no_consult", $"'{party}' is not consulting.", State);
        if (_consulted is not { } consulted) return CallCommandResult.Fail("consult_not_answered", "The consulted party has not answered.", State);
        if (NotPermitted(CallPermission.Transfer, agent) is { } forbidden) return forbidden;
        var customer = PartnerOf(agent)!;
        agent.Media.Unbridge();
        agent.HangUp();
        agent.EndedAt = Engine.Time.GetUtcNow();
        agent.CloseHoldClock();
        if (ReferenceEquals(agent, _a)) _a = consulted;
        else _b = consulted;
        customer.HeldByUs = false;
        customer.UpdateHoldClock();
        Rebridge(customer, consulted);
        ClearConsult();
        Publish(CallEventTypes.Transferred, consulted.Party, agent.Party);
        return CallCommandResult.Ok(State);
    }

    /// <summary>The consulted party is hung up (or the dialling stopped) and the agent is back with the customer.</summary>
    internal CallCommandResult CancelConsultCommand(string party)
    {
        if (_consulter is not { } agent || agent.Party != party) return CallCommandResult.Fail("no_consult", $"'{party}' is not consulting.", State);
        _consultDial?.Cancel();
        _consultDial?.Media.Dispose();
        if (_consulted is { } consulted)
        {
            consulted.Media.Unbridge();
            consulted.HangUp();
            consulted.EndedAt = Engine.Time.GetUtcNow();
        }
        var customer = PartnerOf(agent)!;
        customer.HeldByUs = false;
        customer.UpdateHoldClock();
        agent.Media.StopPlaying();
        Rebridge(agent, customer);
        ClearConsult();
        Publish(CallEventTypes.Retrieved, customer.Party, agent.Party);
        return CallCommandResult.Ok(State);
    }

    /// <summary>Customer, agent and consulted party in one mixer.</summary>
    internal CallCommandResult ConferenceConsultCommand(string party)
    {
        if (_consulter is not { } agent || agent.Party != party) return CallCommandResult.Fail("no_consult", $"'{party}' is not consulting.", State);
        if (_consulted is not { } consulted) return CallCommandResult.Fail("consult_not_answered", "The consulted party has not answered.", State);
        if (NotPermitted(CallPermission.Conference, agent) is { } forbidden) return forbidden;
        var customer = PartnerOf(agent)!;
        consulted.Media.Unbridge();
        customer.HeldByUs = false;
        customer.UpdateHoldClock();
        ClearConsult();
        if (!StartConference()) return CallCommandResult.Fail("invalid_call_state", "The call cannot become a conference.", State);
        JoinConference(consulted);
        return CallCommandResult.Ok(State);
    }

    private void ClearConsult()
    {
        _consulter = null;
        _consulted = null;
        _consultDial = null;
        _consultTarget = null;
    }

    /// <summary>A BYE from the consulted party while consulting: the agent goes back to the customer.</summary>
    private bool OnConsultedBye(CallLeg leg)
    {
        if (!ReferenceEquals(leg, _consulted) || _consulter is not { } agent) return false;
        CancelConsultCommand(agent.Party);
        return true;
    }
}
