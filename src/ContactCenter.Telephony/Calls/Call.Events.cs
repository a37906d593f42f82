using ContactCenter.Events;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>call.* events on the bus. A failing bus never breaks a call: the failure is logged.</summary>
public sealed partial class Call
{
    private void Publish(string type, string? party = null, string? by = null, CallDetailRecord? cdr = null, string? recordingId = null) =>
        Publish(type, Payload(cdr) with { Party = party, By = by, RecordingId = recordingId });

    private void PublishDtmf(CallLeg leg, char digit, int durationMs, string source) =>
        Publish(CallEventTypes.Dtmf, Payload(null) with { Party = leg.Party, Digit = digit.ToString(), DurationMs = durationMs, Source = source });

    private CallEventPayload Payload(CallDetailRecord? cdr) => new(Id, Caller, Callee, State, cdr)
    {
        Direction = Direction,
        Trunk = Trunk,
        Did = Did,
        Service = Service,
        ConnectedParty = _b?.Party,
    };

    // client_data of the command running now, and of the click-to-dial that set this call up (until answered or ended).
    private System.Text.Json.JsonElement? _commandClientData;
    private System.Text.Json.JsonElement? _setupClientData;

    private void Publish(string type, CallEventPayload payload)
    {
        if (Engine.Events is not { } bus) return;
        try
        {
            // The subject names the ACD agent (connected, else offered) and service, so CTI subscriptions filtered by agent
            // (every agent token's) or service see the call's events: the screen pop is call.offered to that agent.
            var subject = new EventSubject(CallId: Id, AgentId: NullIfEmpty(Agent ?? _offeredAgent), ServiceId: NullIfEmpty(Service), Media: "voice");
            bus.Publish(type, payload, subject, _commandClientData ?? _setupClientData);
        }
        catch (Exception ex)
        {
            Engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id}: publishing {type} failed", ex);
        }
    }

    private static string? NullIfEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;
}
