using System.Text.Json;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

/// <summary>CTI-07 for the ACD: events a command causes carry the command's client_data; timer events carry none.</summary>
public sealed class CommandClientDataTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Events_caused_by_a_command_carry_its_client_data_and_later_timer_events_do_not()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var bus = new CapturingEventBus(time);
        var engine = new AcdEngine(Build([Service("s", offerTimeoutSeconds: 10), Service("t")], [Agent("a", ["s"])]), new RecordingDelivery(), time, bus);
        await using var runtime = new AcdRuntime(engine, time);
        await runtime.EnqueueAsync(new NewInteraction("i1", "s", Configuration.MediaType.Voice)).WaitAsync(Wait);

        AcdCommandContext.ClientData = JsonDocument.Parse("""{"ticket":7}""").RootElement;
        await runtime.RunAsync(e => e.Login("a")).WaitAsync(Wait);
        AcdCommandContext.ClientData = JsonDocument.Parse("\"move-1\"").RootElement;
        await runtime.RunAsync(e => e.TransferToService("i1", "t", byAgent: false)).WaitAsync(Wait);
        AcdCommandContext.ClientData = null;
        await runtime.RunAsync(e => e.Logout("a")).WaitAsync(Wait);

        var events = bus.Events;
        var login = events.Single(e => e.Type == AcdEventTypes.AgentLoggedIn);
        Assert.Equal(7, login.ClientData!.Value.GetProperty("ticket").GetInt32());
        // The login let the ACD offer i1 at once: caused by the same command.
        Assert.Equal(7, events.Single(e => e.Type == AcdEventTypes.InteractionOffered).ClientData!.Value.GetProperty("ticket").GetInt32());
        Assert.Equal("move-1", events.Single(e => e.Type == AcdEventTypes.InteractionTransferred).ClientData!.Value.GetString());
        Assert.Equal("move-1", events.Last(e => e.Type == AcdEventTypes.InteractionQueued).ClientData!.Value.GetString());
        Assert.Null(events.First(e => e.Type == AcdEventTypes.InteractionQueued).ClientData);
        Assert.Null(events.Single(e => e.Type == AcdEventTypes.AgentLoggedOut).ClientData);
    }

    [Fact]
    public async Task A_rona_fired_by_the_clock_carries_no_client_data()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var bus = new CapturingEventBus(time);
        var engine = new AcdEngine(Build([Service("s", offerTimeoutSeconds: 10)], [Agent("a", ["s"])]), new RecordingDelivery(), time, bus);
        await using var runtime = new AcdRuntime(engine, time);
        AcdCommandContext.ClientData = JsonDocument.Parse("1").RootElement;
        await runtime.RunAsync(e => e.Login("a")).WaitAsync(Wait);
        await runtime.EnqueueAsync(new NewInteraction("i1", "s", Configuration.MediaType.Voice)).WaitAsync(Wait);
        AcdCommandContext.ClientData = null;

        time.Advance(TimeSpan.FromSeconds(10));
        await runtime.RunAsync(e => e.Agents["a"].State).WaitAsync(Wait);

        var rejected = bus.OfType(AcdEventTypes.InteractionRejected).Single();
        Assert.Null(rejected.ClientData);
    }
}
