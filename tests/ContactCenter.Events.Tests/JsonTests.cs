using System.Text.Json;
using ContactCenter.Events.Contracts;
using ContactCenter.Events.InProcess;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Events.Tests;

public sealed class JsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private static readonly RegistrationChanged Registration = new(
        "1001", "sip:1001@192.0.2.10:5062;transport=udp", Now.AddSeconds(3600), "udp", "192.0.2.10:5062");

    [Fact]
    public void The_wire_shape_is_snake_case_with_absent_ids_omitted()
    {
        var bus = new InProcessEventBus(new FakeTimeProvider(Now));
        using var command = JsonDocument.Parse("""{"ticket":"T-42"}""");
        var envelope = bus.Publish(EventTypes.RegistrationAdded, Registration, new EventSubject(AgentId: "a1"), command.RootElement);

        using var json = JsonDocument.Parse(EventJson.SerializeToUtf8Bytes(envelope));
        var root = json.RootElement;

        Assert.Equal(
            ["seq", "id", "type", "time", "agent_id", "client_data", "payload"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("seq").GetInt64());
        Assert.Equal(envelope.Id.ToString(), root.GetProperty("id").GetString());
        Assert.Equal("registration.added", root.GetProperty("type").GetString());
        Assert.Equal(Now, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("a1", root.GetProperty("agent_id").GetString());
        Assert.Equal("T-42", root.GetProperty("client_data").GetProperty("ticket").GetString());
        var payload = root.GetProperty("payload");
        Assert.Equal(
            ["extension", "contact", "expires_at", "transport", "source"], // user_agent is null: omitted
            payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1001", payload.GetProperty("extension").GetString());
    }

    [Fact]
    public void A_known_type_round_trips_with_its_typed_payload()
    {
        var bus = new InProcessEventBus(new FakeTimeProvider(Now));
        var sent = bus.Publish(EventTypes.RegistrationAdded, Registration with { UserAgent = "baresip" },
            new EventSubject("call-1", "a1", "sales", "voice"));

        var received = EventJson.Deserialize(EventJson.SerializeToUtf8Bytes(sent));

        Assert.Equal(sent.Seq, received.Seq);
        Assert.Equal(sent.Id, received.Id);
        Assert.Equal(sent.Type, received.Type);
        Assert.Equal(sent.Time, received.Time);
        Assert.Equal(("call-1", "a1", "sales", "voice"), (received.CallId, received.AgentId, received.ServiceId, received.Media));
        Assert.Null(received.ClientData);
        Assert.Equal(Registration with { UserAgent = "baresip" }, Assert.IsType<RegistrationChanged>(received.Payload));
    }

    [Fact]
    public void An_unknown_type_keeps_its_payload_as_json_readable_with_PayloadAs()
    {
        var json = """{"payload":{"queue_length":3},"type":"acd.queue_changed","seq":9,"extra":{"x":1},"time":"2026-11-24T09:30:00+00:00","id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}"""u8;

        var envelope = EventJson.Deserialize(json);

        Assert.Equal(9, envelope.Seq);
        Assert.Equal(JsonValueKind.Object, Assert.IsType<JsonElement>(envelope.Payload).ValueKind);
        Assert.Equal(3, envelope.PayloadAs<QueueChanged>().QueueLength);
    }

    [Theory]
    [InlineData("""{"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"a.b","time":"2026-11-24T09:30:00Z"}""")] // no seq
    [InlineData("""{"seq":1,"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"A B","time":"2026-11-24T09:30:00Z"}""")]
    [InlineData("""{"seq":0,"id":"0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","type":"a.b","time":"2026-11-24T09:30:00Z"}""")]
    [InlineData("""[1,2]""")]
    public void Malformed_envelopes_are_a_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => EventJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void PayloadAs_names_both_types_when_the_payload_is_something_else()
    {
        var envelope = new EventEnvelope(5, Guid.CreateVersion7(), "a.b", Now, payload: 42);

        var error = Assert.Throws<InvalidCastException>(() => envelope.PayloadAs<RegistrationChanged>());

        Assert.Contains("Int32", error.Message);
        Assert.Contains(nameof(RegistrationChanged), error.Message);
        Assert.Equal(42, envelope.PayloadAs<int>());
    }

    private sealed record QueueChanged(int QueueLength);
}
