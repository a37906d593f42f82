using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using ContactCenter.Events.Contracts;

namespace ContactCenter.Events;

/// <summary>
/// The catalog of known event types: one constant per type name, and the payload record each carries.
/// A transport that receives JSON (NATS, tests) uses <see cref="TryGetPayloadType"/> to rebuild the typed
/// payload; a type missing here still travels, with its payload as a <see cref="System.Text.Json.JsonElement"/>.
/// Add a type here together with its payload record in <c>Contracts/</c>.
/// </summary>
public static class EventTypes
{
    /// <summary>A new contact binding was registered for an extension.</summary>
    public const string RegistrationAdded = "registration.added";

    /// <summary>An existing contact binding was re-registered (expiry pushed forward).</summary>
    public const string RegistrationRefreshed = "registration.refreshed";

    /// <summary>A contact binding was removed by the device (Expires: 0 or "*").</summary>
    public const string RegistrationRemoved = "registration.removed";

    /// <summary>A contact binding expired without being refreshed.</summary>
    public const string RegistrationExpired = "registration.expired";

    /// <summary>A call arrived (INVITE accepted for routing). Published by the call engine (Telephony CallEventTypes).</summary>
    public const string CallCreated = "call.created";

    /// <summary>The engine answered the call and queued it for the ACD (the caller hears music).</summary>
    public const string CallQueued = "call.queued";

    /// <summary>The ACD offered the queued call to an agent's extension.</summary>
    public const string CallOffered = "call.offered";

    /// <summary>An agent is talking to a consulted party while the customer hears music.</summary>
    public const string CallConsulted = "call.consulted";

    /// <summary>The consulted party could not be reached.</summary>
    public const string CallConsultFailed = "call.consult_failed";

    /// <summary>The called party rings.</summary>
    public const string CallRinging = "call.ringing";

    /// <summary>The called party answered.</summary>
    public const string CallAnswered = "call.answered";

    /// <summary>A party was put on hold (payload: the held party and who held).</summary>
    public const string CallHeld = "call.held";

    /// <summary>A held party was taken off hold.</summary>
    public const string CallRetrieved = "call.retrieved";

    /// <summary>The call was transferred (payload: the new party and the one that left).</summary>
    public const string CallTransferred = "call.transferred";

    /// <summary>The call was merged into a conference.</summary>
    public const string CallConferenced = "call.conferenced";

    /// <summary>A participant left a conference.</summary>
    public const string CallParticipantLeft = "call.participant_left";

    /// <summary>A DTMF digit was received (payload: digit, duration, who pressed it, RTP or SIP INFO).</summary>
    public const string CallDtmf = "call.dtmf";

    /// <summary>A recording of the call started (payload: the recording id).</summary>
    public const string CallRecordingStarted = "call.recording_started";

    /// <summary>A recording of the call was paused.</summary>
    public const string CallRecordingPaused = "call.recording_paused";

    /// <summary>A recording of the call was resumed.</summary>
    public const string CallRecordingResumed = "call.recording_resumed";

    /// <summary>A recording of the call stopped.</summary>
    public const string CallRecordingStopped = "call.recording_stopped";

    /// <summary>The call ended; the payload carries the CDR.</summary>
    public const string CallEnded = "call.ended";

    /// <summary>A trunk's provider accepted our registration: the trunk is up.</summary>
    public const string TrunkRegistered = "trunk.registered";

    /// <summary>A trunk's registration failed (rejected, no answer, host not found); it is down and retried with backoff.</summary>
    public const string TrunkRegistrationFailed = "trunk.registration_failed";

    /// <summary>A trunk's registration was removed (Expires: 0) because the server is stopping.</summary>
    public const string TrunkUnregistered = "trunk.unregistered";

    /// <summary>A CTI webhook subscription was disabled after its receiver failed for too long (an alarm).</summary>
    public const string SubscriptionDisabled = "subscription.disabled";

    private static readonly FrozenDictionary<string, Type> PayloadTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [RegistrationAdded] = typeof(RegistrationChanged),
        [RegistrationRefreshed] = typeof(RegistrationChanged),
        [RegistrationRemoved] = typeof(RegistrationChanged),
        [RegistrationExpired] = typeof(RegistrationChanged),
        [CallCreated] = typeof(CallChanged),
        [CallRinging] = typeof(CallChanged),
        [CallQueued] = typeof(CallChanged),
        [CallConsulted] = typeof(CallChanged),
        [CallConsultFailed] = typeof(CallChanged),
        [CallOffered] = typeof(CallChanged),
        [CallAnswered] = typeof(CallChanged),
        [CallHeld] = typeof(CallChanged),
        [CallRetrieved] = typeof(CallChanged),
        [CallTransferred] = typeof(CallChanged),
        [CallConferenced] = typeof(CallChanged),
        [CallParticipantLeft] = typeof(CallChanged),
        [CallDtmf] = typeof(CallChanged),
        [CallRecordingStarted] = typeof(CallChanged),
        [CallRecordingPaused] = typeof(CallChanged),
        [CallRecordingResumed] = typeof(CallChanged),
        [CallRecordingStopped] = typeof(CallChanged),
        [CallEnded] = typeof(CallChanged),
        [TrunkRegistered] = typeof(TrunkRegistrationChanged),
        [TrunkRegistrationFailed] = typeof(TrunkRegistrationChanged),
        [TrunkUnregistered] = typeof(TrunkRegistrationChanged),
        [SubscriptionDisabled] = typeof(Contracts.SubscriptionDisabled),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every type name in the catalog.</summary>
    public static IReadOnlyCollection<string> All => PayloadTypes.Keys;

    /// <summary>Whether <paramref name="type"/> is in the catalog.</summary>
    public static bool IsKnown(string type) => PayloadTypes.ContainsKey(type);

    /// <summary>The payload record a known type carries.</summary>
    public static bool TryGetPayloadType(string type, [NotNullWhen(true)] out Type? payloadType) =>
        PayloadTypes.TryGetValue(type, out payloadType);
}
