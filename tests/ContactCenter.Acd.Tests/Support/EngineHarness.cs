using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Acd.Tests.Support;

/// <summary>An engine on a fake clock with a recording channel and bus; <see cref="Advance"/> moves time and runs what fell due.</summary>
public sealed class EngineHarness
{
    public EngineHarness(AcdConfiguration configuration, IAcdHistorySink? history = null, DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        Bus = new CapturingEventBus(Time);
        Engine = new AcdEngine(configuration, Delivery, Time, Bus, history: history);
    }

    public FakeTimeProvider Time { get; }
    public CapturingEventBus Bus { get; }
    public RecordingDelivery Delivery { get; } = new();
    public AcdEngine Engine { get; }

    public void Advance(double seconds)
    {
        Time.Advance(TimeSpan.FromSeconds(seconds));
        Engine.ProcessDueTimers();
    }

    public void LoginAll(params string[] agentIds)
    {
        foreach (var id in agentIds) Assert.True(Engine.Login(id).IsSuccess, $"login of {id}");
    }

    public void Arrive(string id, string serviceId, MediaType media = MediaType.Voice) =>
        Assert.True(Engine.Enqueue(new NewInteraction(id, serviceId, media, CallId: "call-" + id)).IsSuccess, $"enqueue of {id}");

    public ContactCenter.Acd.Agents.AgentState StateOf(string agentId) =>
        Engine.Agents.TryGetValue(agentId, out var session) ? session.State : ContactCenter.Acd.Agents.AgentState.LoggedOut;
}
