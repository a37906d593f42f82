using System.Text.Json;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Statistics;
using ContactCenter.Events;
using ContactCenter.Events.Contracts;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Server.Tests.Cti.EventCatalog;

/// <summary>
/// An example of every event type, built from the records the publishers use, telling one story: customer
/// +12125550123 calls the support line (DID +12125550199 on trunk "carrier"), waits, is offered to ana (1001), ana
/// consults bruno (1002) and hands the call over; around it, phones register, the trunk goes up, statistics and
/// alarms flow. <see cref="EventCatalogTests"/> fails when a published type has no example here.
/// </summary>
public static class EventExamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);

    private const string CallId = "6f1c2a9e4b7d4c0f9a3e5d8b7c6a1f20";
    private const string RecordingId = "0b5e7d2c9a4f4e1b8c3d6a5f4e3d2c1b";
    private const string Customer = "+12125550123";
    private const string Did = "+12125550199";

    private static readonly JsonElement AnswerClientData = JsonDocument.Parse("""{"crm_ticket":4711}""").RootElement.Clone();

    public static IReadOnlyList<EventExample> All { get; } = Build();

    private static EventSubject CallSubject(string? agent = "ana") => new(CallId: CallId, AgentId: agent, ServiceId: "support", Media: "voice");

    private static CallEventPayload Call(CallState state, string? connected = null) =>
        new(CallId, Customer, "5000", state)
        {
            Direction = CallDirection.Inbound,
            Trunk = "carrier",
            Did = Did,
            Service = "support",
            ConnectedParty = connected,
        };

    private static InteractionEvent Interaction(string? agent, double waitSeconds, int? position = null, string? reason = null,
        string? target = null, string? disposition = null) =>
        new(CallId, "support", "voice", CallId, agent, Customer, Start, Start.AddSeconds(1), waitSeconds, position, reason, target, disposition);

    private static CallDetailRecord Cdr() => new()
    {
        Id = CallId,
        Direction = CallDirection.Inbound,
        Caller = Customer,
        Callee = "5000",
        Trunk = "carrier",
        Did = Did,
        ServiceId = "support",
        AnsweredBy = "1001",
        StartedAt = Start,
        RingingAt = Start.AddSeconds(13),
        AnsweredAt = Start.AddSeconds(15),
        EndedAt = Start.AddSeconds(312),
        HoldTime = TimeSpan.FromSeconds(42),
        HangupCode = 200,
        HangupReason = "BYE",
        HangupSide = HangupSide.Caller,
        RecordingIds = [RecordingId],
        Legs =
        [
            new LegDetailRecord(0, "caller", Customer, "a84b4c76e66710@203.0.113.9", "PCMU", Start, Start.AddSeconds(1), Start.AddSeconds(312),
                PacketsReceived: 15_520, PacketsLost: 3, JitterMilliseconds: 1.8, Mos: 4.38),
            new LegDetailRecord(1, "agent", "1001", "7c1e0b2f@127.0.0.1", "PCMU", Start.AddSeconds(13), Start.AddSeconds(15), Start.AddSeconds(180),
                PacketsReceived: 8_240, PacketsLost: 0, JitterMilliseconds: 0.4, Mos: 4.41),
            new LegDetailRecord(2, "consult", "1002", "d2c4e6f8@127.0.0.1", "PCMU", Start.AddSeconds(120), Start.AddSeconds(124), Start.AddSeconds(312),
                PacketsReceived: 9_400, PacketsLost: 0, JitterMilliseconds: 0.5, Mos: 4.41),
        ],
    };

    private static ServicePeriodStatistics ServicePeriod(DateTimeOffset start, int offered) =>
        new(start, offered, offered - 1, offered - 2, 1, 0, offered - 1, ServiceLevel: Math.Round(100.0 * (offered - 2) / offered, 2),
            AsaSeconds: 11.4, AhtSeconds: 236.9);

    private static AgentPeriodStatistics AgentPeriod(DateTimeOffset start, int handled) =>
        new(start, handled + 1, handled, 0, 1, TalkSeconds: 1_830.5, HoldSeconds: 96, WrapSeconds: 240, LoggedInSeconds: 3_600,
            PausedSeconds: 300, Occupancy: 64.6);

    private static Alarm Alarm(DateTimeOffset? clearedAt = null, double? clearValue = null, string? acknowledgedBy = null, DateTimeOffset? acknowledgedAt = null) =>
        new("alarm-7-1772442960000", "support-waiting", "Callers waiting in support", AlarmMetrics.Waiting, AlarmScope.Service, "support",
            AlarmSeverity.Warning, Threshold: 5, Value: 6, RaisedAt: Start.AddMinutes(1), clearedAt, clearValue, acknowledgedBy, acknowledgedAt);

    private static IReadOnlyList<EventExample> Build()
    {
        var registration = new RegistrationChanged("1001", "sip:1001@192.0.2.20:5062;transport=udp", Start.AddHours(1), "udp", "192.0.2.20:5062",
            "baresip v3.16.0 (x86_64/linux)");
        var trunkUp = new TrunkRegistrationChanged("carrier", "office", "registered", Up: true, WasUp: false, 200, "OK",
            "udp:203.0.113.5:5060", Start.AddMinutes(60));
        var callEnded = Call(CallState.Ended, "1002") with { Cdr = Cdr() };

        return
        [
            new(EventTypes.RegistrationAdded, "A phone registered a new contact for an extension.", default, registration),
            new(EventTypes.RegistrationRefreshed, "A phone re-registered an existing contact (its expiry moved forward).", default,
                registration with { ExpiresAt = Start.AddHours(2) }),
            new(EventTypes.RegistrationRemoved, "A phone removed its contact (REGISTER with Expires: 0).", default, registration with { ExpiresAt = Start.AddMinutes(30) }),
            new(EventTypes.RegistrationExpired, "A contact expired without being refreshed.", default, registration with { ExpiresAt = Start.AddHours(1) }),

            new(EventTypes.TrunkRegistered, "The provider accepted our registration: the trunk is up.", default, trunkUp),
            new(EventTypes.TrunkRegistrationFailed, "The trunk's registration failed (rejected, no answer, host not found); retried with backoff.", default,
                trunkUp with { State = "failed", Up = false, WasUp = true, StatusCode = 408, Reason = "Request Timeout", ExpiresAt = null }),
            new(EventTypes.TrunkUnregistered, "The trunk's registration was removed because the server is stopping.", default,
                trunkUp with { State = "unregistered", Up = false, WasUp = true, ExpiresAt = null }),

            new(EventTypes.CallCreated, "A call arrived (an INVITE accepted for routing) or was placed (click-to-dial).", CallSubject(agent: null),
                Call(CallState.Routing) with { Service = null }),
            new(EventTypes.CallQueued, "The engine answered the call and queued it in an ACD service; the caller hears music.", CallSubject(agent: null),
                Call(CallState.Queued)),
            new(EventTypes.CallOffered, "The ACD offered the call to an agent's extension (party); the screen pop: caller, did, service.", CallSubject(),
                Call(CallState.Queued) with { Party = "1001", By = "ana" }),
            new(EventTypes.CallRinging, "The called party rings (here a direct call from an agent's phone to another extension).",
                new EventSubject(CallId: CallId, Media: "voice"),
                Call(CallState.Ringing) with { Direction = CallDirection.Internal, Trunk = null, Did = null, Service = null, Caller = "1001", Callee = "1002" }),
            new(EventTypes.CallAnswered, "The called party answered (for an ACD call: the agent, party, by the agent id).", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = "1001", By = "ana" }, AnswerClientData),
            new(EventTypes.CallHeld, "A party was put on hold (party), by whom (by: a party, or \"command\").", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, By = "command" }),
            new(EventTypes.CallRetrieved, "A held party was taken off hold.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, By = "command" }),
            new(EventTypes.CallConsulted, "The agent (by) is talking to the consulted party (party) while the customer hears music.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = "1002", By = "1001" }),
            new(EventTypes.CallConsultFailed, "The consulted party could not be reached; the agent can cancel the consultation.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = "1002", By = "1001" }),
            new(EventTypes.CallTransferred, "The call was transferred: party is the new party, by the one that left.", CallSubject(),
                Call(CallState.Talking, "1002") with { Party = "1002", By = "1001" }),
            new(EventTypes.CallConferenced, "A party joined the call's conference.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = "1002" }),
            new(EventTypes.CallParticipantLeft, "A participant left the conference (by: why, e.g. hung up or dropped).", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = "1002", By = "dropped" }),
            new(EventTypes.CallDtmf, "A DTMF digit was received from a party (source: rtp for RFC 4733 or in-band, info for SIP INFO).", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, Digit = "5", DurationMs = 160, Source = "rtp" }),
            new(EventTypes.CallRecordingStarted, "A recording of the call started.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, RecordingId = RecordingId }),
            new(EventTypes.CallRecordingPaused, "The recording was paused (silence is recorded meanwhile).", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, RecordingId = RecordingId }),
            new(EventTypes.CallRecordingResumed, "The recording was resumed.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, RecordingId = RecordingId }),
            new(EventTypes.CallRecordingStopped, "The recording stopped; get_recording_content serves it.", CallSubject(),
                Call(CallState.Talking, "1001") with { Party = Customer, RecordingId = RecordingId }),
            new(EventTypes.CallEnded, "The call ended; cdr is its call detail record.", CallSubject(), callEnded),

            new(AcdEventTypes.AgentLoggedIn, "An agent logged in at an extension, into services.", new EventSubject(AgentId: "ana"),
                new AgentLoginChanged("ana", "1001", ["support"], Start.AddMinutes(-30))),
            new(AcdEventTypes.AgentLoggedOut, "An agent logged out.", new EventSubject(AgentId: "ana"),
                new AgentLoginChanged("ana", "1001", ["support"], Start.AddHours(8))),
            new(AcdEventTypes.AgentStateChanged, "An agent's state changed (every transition, with the time spent in the previous state).",
                new EventSubject(AgentId: "ana"),
                new AgentStateChanged("ana", "offered", "busy", null, CallId, Start.AddSeconds(13), Start.AddSeconds(15), 2.0)),

            new(AcdEventTypes.InteractionQueued, "An interaction entered a service's queue (position counts from 1).", CallSubject(agent: null),
                Interaction(null, 0, position: 1)),
            new(AcdEventTypes.InteractionOffered, "The ACD offered the interaction to an agent.", CallSubject(), Interaction("ana", 12.0)),
            new(AcdEventTypes.InteractionAccepted, "The agent took the interaction (for voice: answered).", CallSubject(), Interaction("ana", 14.0)),
            new(AcdEventTypes.InteractionRejected, "The agent declined the offer, or it rang out (reason no_answer: RONA); it goes back to the queue.",
                CallSubject(agent: "carla"), Interaction("carla", 10.0, reason: "no_answer")),
            new(AcdEventTypes.InteractionAbandoned, "The customer left before an agent took the interaction.", CallSubject(agent: null),
                Interaction(null, 48.5, reason: "abandoned")),
            new(AcdEventTypes.InteractionOverflowed, "The interaction waited too long and moved to the overflow service (target_service_id).",
                CallSubject(agent: null), Interaction(null, 120.0, reason: "max_wait", target: "support-overflow")),
            new(AcdEventTypes.InteractionTransferred,
                "The interaction moved: to another service (target_service_id; re-queued, keeping its place in line) or straight to an agent (target_agent_id).",
                CallSubject(), Interaction("ana", 14.0, reason: "transferred", target: "billing")),
            new(AcdEventTypes.InteractionEnded, "The interaction ended (for voice: the call ended); wrap-up follows.", CallSubject(),
                Interaction("ana", 14.0, disposition: "resolved")),
            new(AcdEventTypes.ClassificationRequired, "The agent must classify the interaction (one of dispositions) before deadline.", CallSubject(),
                new ClassificationEvent(CallId, "ana", "support", ["resolved", "callback"], Start.AddSeconds(372))),
            new(AcdEventTypes.ClassificationDone, "The interaction was classified (timed_out: the deadline passed, disposition unclassified).", CallSubject(),
                new ClassificationEvent(CallId, "ana", "support", ["resolved", "callback"], null, "resolved"), AnswerClientData),

            new(AcdEventTypes.ServiceStatistics, "A service's real-time figures (ACD-09), published when they change.",
                new EventSubject(ServiceId: "support", Media: "voice"),
                new ServiceStatistics("support", Start.AddMinutes(5), Waiting: 2, LongestWaitSeconds: 37.2,
                    new Dictionary<string, int> { ["available"] = 1, ["busy"] = 2, ["post_call"] = 1 },
                    ServicePeriod(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), 4),
                    ServicePeriod(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 57))),
            new(AcdEventTypes.AgentStatistics, "An agent's real-time figures (ACD-09), published when they change.", new EventSubject(AgentId: "ana"),
                new AgentStatistics("ana", Start.AddMinutes(5), "busy", null, 95.0,
                    AgentPeriod(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), 1),
                    AgentPeriod(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), 11))),

            new(AcdEventTypes.AlarmRaised, "An alarm rule's condition held for its duration.", new EventSubject(ServiceId: "support"), Alarm()),
            new(AcdEventTypes.AlarmCleared, "The alarm's condition went back below the clear threshold.", new EventSubject(ServiceId: "support"),
                Alarm(clearedAt: Start.AddMinutes(4), clearValue: 0)),
            new(AcdEventTypes.AlarmAcknowledged, "A supervisor acknowledged the alarm (acknowledge_alarm; acknowledged_by is the token id).",
                new EventSubject(ServiceId: "support"), Alarm(acknowledgedBy: "tok_3f2a", acknowledgedAt: Start.AddMinutes(2))),

            new(EventTypes.SubscriptionDisabled, "A webhook subscription was disabled after its receiver failed for Webhooks:RetryFor (an alarm).", default,
                new SubscriptionDisabled("sub_8d1e0f3c", "retries_exhausted", "POST https://crm.example.com/cc/events: 503 Service Unavailable",
                    "https://crm.example.com/cc/events", PendingEvents: 1_204)),
        ];
    }
}
