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

    /// <summary>A CTI webhook subscription was disabled after its receiver failed for too long (an alarm).</summary>
    public const string SubscriptionDisabled = "subscription.disabled";

    private static readonly FrozenDictionary<string, Type> PayloadTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [RegistrationAdded] = typeof(RegistrationChanged),
        [RegistrationRefreshed] = typeof(RegistrationChanged),
        [RegistrationRemoved] = typeof(RegistrationChanged),
        [RegistrationExpired] = typeof(RegistrationChanged),
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
