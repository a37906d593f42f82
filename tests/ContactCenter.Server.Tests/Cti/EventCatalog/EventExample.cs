using System.Text.Json;
using ContactCenter.Events;

namespace ContactCenter.Server.Tests.Cti.EventCatalog;

/// <summary>One event type of the catalog: what it means, and an example built from the real payload record.</summary>
/// <param name="Type">The type name.</param>
/// <param name="Meaning">What happened, for the catalog.</param>
/// <param name="Subject">The subject ids the publisher sets (what subscriptions filter on).</param>
/// <param name="Payload">An instance of the payload record the publisher uses.</param>
/// <param name="ClientData">Example client_data, for events a command causes.</param>
public sealed record EventExample(string Type, string Meaning, EventSubject Subject, object Payload, JsonElement? ClientData = null)
{
    public string Category => Type[..Type.IndexOf('.')];
}
