using System.Reflection;
using System.Text.Json;
using ContactCenter.Acd.Contracts;
using ContactCenter.Events;
using ContactCenter.Server.Tests.Support;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Server.Tests.Cti.EventCatalog;

/// <summary>
/// docs/cti/events.md is generated from <see cref="EventExamples"/>, which are built from the real payload records: every
/// type a module declares has an example with the payload its publisher uses, each example survives the JSON round trip
/// a subscriber makes, and the committed document is what the examples produce. After adding a type or changing a
/// payload, add or fix its example and run <c>UPDATE_EVENT_CATALOG=1 dotnet test tests/ContactCenter.Server.Tests --filter EventCatalog</c>.
/// </summary>
public sealed class EventCatalogTests
{
    public static string DocumentPath => Path.Combine(ProfileFiles.RepositoryRoot(), "docs", "cti", "events.md");

    /// <summary>
    /// Every event type any module declares: the public string constants of every <c>*EventTypes</c> class in the
    /// server's assemblies, so a type added to a module's list and not to the catalog fails here.
    /// </summary>
    public static IReadOnlySet<string> DeclaredTypes()
    {
        var assemblies = new[] { typeof(EventTypes), typeof(CallEventTypes), typeof(AcdEventTypes), typeof(ContactCenter.Cti.CtiJson), typeof(Program) }
            .Select(t => t.Assembly)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("ContactCenter.", StringComparison.Ordinal) == true
                && !a.GetName().Name!.Contains("Test", StringComparison.Ordinal)))
            .Distinct();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.Name.EndsWith("EventTypes", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.IsLiteral && field.FieldType == typeof(string))
                    declared.Add((string)field.GetRawConstantValue()!);
            }
        }
        return declared;
    }

    /// <summary>The payload record a type's publisher uses: the call engine's own record for call.*, else its module's catalog.</summary>
    private static Type PayloadTypeOf(string type)
    {
        if (CallEventTypes.All.Contains(type))
            return typeof(CallEventPayload);
        if (AcdEventTypes.PayloadTypes.TryGetValue(type, out var acd))
            return acd;
        Assert.True(EventTypes.TryGetPayloadType(type, out var payload), $"{type} has no payload type in any catalog");
        return payload;
    }

    [Fact]
    public void Every_declared_event_type_has_exactly_one_example_and_no_example_is_for_an_unknown_type()
    {
        var declared = DeclaredTypes();
        var examples = EventExamples.All.Select(e => e.Type).ToList();

        Assert.True(declared.Count >= 40, $"only {declared.Count} declared types found: the reflection missed a module");
        Assert.Empty(declared.Except(examples).Order());
        Assert.Empty(examples.Except(declared).Order());
        Assert.Equal(examples.Count, examples.Distinct().Count());
    }

    [Fact]
    public void Each_example_carries_the_payload_record_its_publisher_uses_and_the_subject_ids_are_consistent()
    {
        foreach (var example in EventExamples.All)
        {
            Assert.True(PayloadTypeOf(example.Type) == example.Payload.GetType(),
                $"{example.Type}: example payload {example.Payload.GetType().Name}, published as {PayloadTypeOf(example.Type).Name}");
            var json = JsonSerializer.SerializeToElement(example.Payload, EventJson.Options);
            if (example.Subject.CallId is { } callId && json.TryGetProperty("call_id", out var payloadCallId))
                Assert.Equal(callId, payloadCallId.GetString());
            if (example.Subject.AgentId is { } agentId && json.TryGetProperty("agent_id", out var payloadAgentId) && payloadAgentId.ValueKind == JsonValueKind.String)
                Assert.Equal(agentId, payloadAgentId.GetString());
        }
    }

    [Fact]
    public void Each_example_reads_back_from_its_json_as_a_subscriber_reads_it()
    {
        for (int i = 0; i < EventExamples.All.Count; i++)
        {
            var example = EventExamples.All[i];
            var sent = EventCatalogDocument.Envelope(example, i);
            byte[] wire = EventJson.SerializeToUtf8Bytes(sent);

            var received = EventJson.Deserialize(wire);

            Assert.Equal((sent.Seq, sent.Id, sent.Type, sent.Time), (received.Seq, received.Id, received.Type, received.Time));
            Assert.Equal((sent.CallId, sent.AgentId, sent.ServiceId, sent.Media), (received.CallId, received.AgentId, received.ServiceId, received.Media));
            // The catalog's payload type (the contracts' mirror for call.*) rebuilds every field: written again, the same JSON.
            object payload = received.Payload is JsonElement element
                ? element.Deserialize(PayloadTypeOf(example.Type), EventJson.Options)!
                : received.Payload!;
            Assert.Equal(JsonSerializer.Serialize(example.Payload, EventJson.Options), JsonSerializer.Serialize(payload, payload.GetType(), EventJson.Options));
            Assert.Equal(example.ClientData?.GetRawText(), received.ClientData?.GetRawText());
        }
    }

    [Fact]
    public void Enums_travel_as_snake_case_names_not_numbers()
    {
        var ended = EventExamples.All.Single(e => e.Type == EventTypes.CallEnded);
        var json = JsonSerializer.SerializeToElement(ended.Payload, EventJson.Options);

        Assert.Equal("ended", json.GetProperty("state").GetString());
        Assert.Equal("inbound", json.GetProperty("direction").GetString());
        Assert.Equal("caller", json.GetProperty("cdr").GetProperty("hangup_side").GetString());
        // Events written before names (numbers) still read back.
        var old = JsonSerializer.Deserialize<ContactCenter.Events.Contracts.CallChanged>("""{"call_id":"c","caller":"a","callee":"b","state":3}""", EventJson.Options);
        Assert.Equal(ContactCenter.Events.Contracts.CallProgress.Talking, old!.State);
    }

    [Fact]
    public void The_committed_catalog_is_the_one_the_examples_generate()
    {
        string generated = EventCatalogDocument.Generate(EventExamples.All);
        Assert.True(File.Exists(DocumentPath), "docs/cti/events.md is missing");
        string document = File.ReadAllText(DocumentPath).ReplaceLineEndings("\n");
        int begin = document.IndexOf(EventCatalogDocument.Begin, StringComparison.Ordinal);
        int end = document.IndexOf(EventCatalogDocument.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/cti/events.md lacks the generated-section markers");
        string committed = document[begin..(end + EventCatalogDocument.End.Length)];

        if (Environment.GetEnvironmentVariable("UPDATE_EVENT_CATALOG") == "1")
        {
            File.WriteAllText(DocumentPath, document[..begin] + generated + document[(end + EventCatalogDocument.End.Length)..]);
            committed = generated;
        }

        Assert.True(committed == generated,
            "docs/cti/events.md is stale: run UPDATE_EVENT_CATALOG=1 dotnet test tests/ContactCenter.Server.Tests --filter EventCatalog and commit it");
    }
}
