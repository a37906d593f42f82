using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

public sealed class AcdRuntimeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_loop_applies_reports_in_order_and_fires_rona_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var delivery = new RecordingDelivery();
        var bus = new CapturingEventBus(time);
        var engine = new AcdEngine(Build([Service("s", offerTimeoutSeconds: 10)], [Agent("a", ["s"]), Agent("b", ["s"])]), delivery, time, bus);
        await using var runtime = new AcdRuntime(engine, time);

        Assert.True((await runtime.RunAsync(e => e.Login("a")).WaitAsync(Wait)).IsSuccess);
        time.Advance(TimeSpan.FromSeconds(1));
        await runtime.RunAsync(e => e.Login("b")).WaitAsync(Wait);
        Assert.True((await runtime.EnqueueAsync(new NewInteraction("i1", "s", Configuration.MediaType.Voice)).WaitAsync(Wait)).IsSuccess);
        Assert.Equal("a", await runtime.RunAsync(_ => delivery.LastOffer.AgentId).WaitAsync(Wait));

        time.Advance(TimeSpan.FromSeconds(10));
        // The timer posted a wake-up; a command queued behind it sees its effect.
        var state = await runtime.RunAsync(e => e.Agents["a"].State).WaitAsync(Wait);
        Assert.Equal(AgentState.Rona, state);
        Assert.Equal("b", await runtime.RunAsync(_ => delivery.LastOffer.AgentId).WaitAsync(Wait));

        Assert.True((await runtime.OfferAcceptedAsync("i1", "b").WaitAsync(Wait)).IsSuccess);
        Assert.Equal(AcdErrors.NoPendingOfferCode, (await runtime.OfferAcceptedAsync("i1", "a").WaitAsync(Wait)).Error!.Code);
        Assert.True((await runtime.InteractionEndedAsync("i1").WaitAsync(Wait)).IsSuccess);
        Assert.Single(bus.OfType(AcdEventTypes.InteractionEnded));
    }

    [Fact]
    public async Task Concurrent_callers_never_break_the_capacity_invariant()
    {
        var time = new FakeTimeProvider();
        var delivery = new ConcurrentDelivery();
        var agents = Enumerable.Range(0, 10).Select(i => Agent($"a{i}", ["s"])).ToList();
        var engine = new AcdEngine(Build([Service("s")], agents), delivery, time);
        await using var runtime = new AcdRuntime(engine, time);
        foreach (var agent in agents) await runtime.RunAsync(e => e.Login(agent.Id));

        var arrivals = Enumerable.Range(0, 200).Select(i => Task.Run(() => runtime.EnqueueAsync(new NewInteraction($"i{i}", "s", Configuration.MediaType.Voice))));
        await Task.WhenAll(arrivals).WaitAsync(Wait);
        for (int round = 0; round < 25; round++)
        {
            var offers = await runtime.RunAsync(e => e.Interactions.Values.Where(i => i.State == InteractionState.Offered).Select(i => (i.Id, i.AgentId!)).ToList());
            await Task.WhenAll(offers.Select(o => Task.Run(async () =>
            {
                await runtime.OfferAcceptedAsync(o.Item1, o.Item2);
                await runtime.InteractionEndedAsync(o.Item1);
            }))).WaitAsync(Wait);
            var max = await runtime.RunAsync(e => e.Agents.Values.Max(a => a.Load(Configuration.MediaType.Voice)));
            Assert.True(max <= 1);
        }
        Assert.Equal(0, await runtime.RunAsync(e => e.WaitingCount));
        Assert.Equal(200, delivery.Count);
    }

    private sealed class ConcurrentDelivery : IInteractionDelivery
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Offer(InteractionOffer offer) => Interlocked.Increment(ref _count);
        public void Connect(string interactionId, string agentId) { }
        public void Withdraw(string interactionId, string agentId, WithdrawReason reason) { }
        public void Release(string interactionId, ReleaseReason reason) { }
    }
}
