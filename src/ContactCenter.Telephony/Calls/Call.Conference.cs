using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Messages;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Conference (SIP-07): the call's connected legs leave their bridge for a mixer in the media engine, where each hears
/// everyone but itself. Participants join by merging a consult call (its far party moves into this call), by being
/// dialled in, and leave by BYE or by command; with one participant left the call ends.
/// </summary>
public sealed partial class Call
{
    private MediaConference? _conference;
    private readonly List<CallLeg> _members = [];

    /// <summary>The parties in the conference now (empty when the call is a plain two-party call).</summary>
    public IReadOnlyList<string> ConferenceParties => _members.Select(m => m.Party).ToArray();

    private bool InConference => _conference is not null;

    /// <summary>Makes the call a conference of its two connected legs (idempotent).</summary>
    private bool StartConference()
    {
        if (_conference is not null) return true;
        if (_a is null || _b is null) return false;
        var conference = Engine.Media.CreateConference();
        _a.Media.Unbridge();
        _a.Media.StopPlaying();
        _b.Media.StopPlaying();
        conference.Add(_a.Media);
        conference.Add(_b.Media);
        _conference = conference;
        _members.Add(_a);
        _members.Add(_b);
        return true;
    }

    private void JoinConference(CallLeg leg)
    {
        leg.Media.StopPlaying();
        _conference!.Add(leg.Media);
        _members.Add(leg);
        Publish(CallEventTypes.Conferenced, leg.Party);
    }

    /// <summary>
    /// Merges the consult call <paramref name="consult"/> into this one: <paramref name="party"/> (in both calls) keeps
    /// its leg here; its far party in the consult call moves here; its consult leg is hung up and that call ends.
    /// </summary>
    internal CallCommandResult MergeCommand(Call consult, string party)
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a connected call can become a conference.", State);
        if (ReferenceEquals(consult, this)) return CallCommandResult.Fail("invalid_argument", "A call cannot be merged with itself.", State);
        if (ConnectedLeg(party) is null && !_members.Exists(m => m.Party == party))
            return CallCommandResult.Fail("party_not_found", $"'{party}' is not connected to this call.", State);
        if (NotPermitted(CallPermission.Conference, ConnectedLeg(party) ?? _members.Find(m => m.Party == party)) is { } forbidden) return forbidden;
        consult.Post(() => consult.HandOverForConference(party, this));
        return CallCommandResult.Ok(State);
    }

    /// <summary>On the consult call: hand the party opposite <paramref name="party"/> to <paramref name="receiver"/>.</summary>
    private void HandOverForConference(string party, Call receiver)
    {
        var leg = _a is { } a && a.Party == party ? a : _b is { } b && b.Party == party ? b : null;
        if (State is not (CallState.Answered or CallState.Talking) || leg is null || PartnerOf(leg) is not { } partner)
        {
            Engine.Log.Write(Sip.Diagnostics.SipLogLevel.Information, "calls", () => $"Call {Id}: nothing to merge into call {receiver.Id} for {party}");
            return;
        }
        Detach(partner);
        leg.HangUp();
        End(HangupSide.Caller, 200, "merged into conference call " + receiver.Id);
        receiver.Post(() => receiver.AdoptConferenceMember(partner));
    }

    private void AdoptConferenceMember(CallLeg leg)
    {
        if (!IsConnected || !StartConference())
        {
            leg.HangUp();
            leg.Media.Dispose();
            return;
        }
        leg.MoveTo(this);
        IndexLeg(leg);
        JoinConference(leg);
    }

    /// <summary>Dials <paramref name="target"/> into the conference (the call becomes one if it was not).</summary>
    internal CallCommandResult AddParticipantCommand(string target, string byParty)
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a connected call can take a participant.", State);
        var by = ConnectedLeg(byParty) ?? _members.Find(m => m.Party == byParty);
        if (by is null) return CallCommandResult.Fail("party_not_found", $"'{byParty}' is not connected to this call.", State);
        if (NotPermitted(CallPermission.Conference, by) is { } forbidden) return forbidden;
        var steps = TransferSteps(by, target, out var refusal);
        if (steps is null) return CallCommandResult.Fail("destination_not_found", refusal?.Detail ?? $"'{target}' cannot be reached.", State);
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded) return CallCommandResult.Fail("engine_overloaded", "No RTP port is free; retry later.", State);
        var dial = new DialAttempt(this, "participant", media.Leg!, steps, by.Party, 69);
        dial.Answered += (winner, response) =>
        {
            var negotiation = winner.ApplyAnswer(response.Body.Span);
            if (!IsConnected || !negotiation.IsSuccess || !StartConference())
            {
                winner.HangUp();
                return;
            }
            JoinConference(winner);
        };
        dial.Failed += (status, reason) =>
        {
            dial.Media.Dispose();
            Engine.Log.Write(Sip.Diagnostics.SipLogLevel.Information, "calls", () => $"Call {Id}: participant {target} not added: {status} {reason}");
        };
        dial.Start();
        return CallCommandResult.Ok(State);
    }

    internal CallCommandResult DropParticipantCommand(string party)
    {
        if (!InConference) return CallCommandResult.Fail("not_a_conference", "The call is not a conference.", State);
        var leg = _members.Find(m => m.Party == party);
        if (leg is null) return CallCommandResult.Fail("party_not_found", $"'{party}' is not in the conference.", State);
        leg.HangUp();
        OnConferenceMemberLeft(leg, "dropped by command");
        return CallCommandResult.Ok(State);
    }

    /// <summary>A member hung up or was dropped: out of the mixer; the call ends when one participant is left.</summary>
    private void OnConferenceMemberLeft(CallLeg leg, string why)
    {
        if (!_members.Remove(leg)) return;
        leg.EndedAt ??= Engine.Time.GetUtcNow();
        _conference?.Remove(leg.Media);
        Publish(CallEventTypes.ParticipantLeft, leg.Party, why);
        if (_members.Count > 1) return;
        HangUpAll();
        End(HangupSide.System, 200, "conference ended: one participant left");
    }
}
