using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Tests.Support;
using CsCheck;
using static ContactCenter.Acd.Tests.Support.TestConfiguration;

namespace ContactCenter.Acd.Tests.Routing;

/// <summary>
/// The invariant of issue 5, over random sequences of arrivals, accepts, rejects, hang-ups, abandons, logouts, logins,
/// pauses, classifications, pending digital work, transfers to services and agents, and time passing (offer timeouts,
/// preview times, service times, max wait, announcements): an agent
/// never holds more interactions of a media type than its capacity, and never two voice offers at once. Checked after
/// every step from the engine's interactions (not the agent's own counters), and from what the channel was told.
/// </summary>
public sealed class CapacityPropertyTests
{
    private enum OpKind { Arrive, Accept, Reject, NoAnswer, HangUp, Abandon, Login, Logout, Pause, Ready, Classify, Pending, Advance, TransferToService, TransferToAgent }

    private readonly record struct Op(OpKind Kind, int A, int B);

    private static readonly string[] AgentIds = ["a1", "a2", "a3", "a4"];

    private static AcdConfiguration Configuration() => Build(
        [
            Service("v1", classificationSeconds: 5, postCallSeconds: 3, offerTimeoutSeconds: 8, maxWaitSeconds: 40, overflow: "v2"),
            Service("v2", strategy: RoutingStrategy.RoundRobin, offerTimeoutSeconds: 6, priority: 2, previewSeconds: 4,
                announcements: new QueueAnnouncements(Position: true, ExpectedWait: true, IntervalSeconds: 5)),
            Service("chat", MediaType.Chat, strategy: RoutingStrategy.FewestHandled, postCallSeconds: 2, offerTimeoutSeconds: 10),
            Service("mail", MediaType.Email, strategy: RoutingStrategy.BestSkill, maxQueueLength: 5, profile: [new SkillRequirement("english", 10)]),
        ],
        [
            Agent("a1", ["v1", "v2", "chat"], new MediaCapacity(1, 2, 0, 0), ("english", 50)),
            Agent("a2", ["v1", "chat", "mail"], new MediaCapacity(1, 3, 2, 0), ("english", 80)),
            Agent("a3", ["v2", "mail"], new MediaCapacity(0, 0, 1, 0), ("english", 20)),
            Agent("a4", ["v1", "v2", "chat", "mail"], new MediaCapacity(1, 1, 1, 0)),
        ]);

    private static readonly (string Service, MediaType Media)[] Arrivals =
        [("v1", MediaType.Voice), ("v2", MediaType.Voice), ("chat", MediaType.Chat), ("mail", MediaType.Email)];

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (5, Gen.Int[0, Arrivals.Length - 1].Select(a => new Op(OpKind.Arrive, a, 0))),
        (4, Gen.Int[0, 1000].Select(a => new Op(OpKind.Accept, a, 0))),
        (2, Gen.Int[0, 1000].Select(a => new Op(OpKind.Reject, a, 0))),
        (1, Gen.Int[0, 1000].Select(a => new Op(OpKind.NoAnswer, a, 0))),
        (3, Gen.Int[0, 1000].Select(a => new Op(OpKind.HangUp, a, 0))),
        (1, Gen.Int[0, 1000].Select(a => new Op(OpKind.Abandon, a, 0))),
        (2, Gen.Int[0, AgentIds.Length - 1].Select(a => new Op(OpKind.Login, a, 0))),
        (1, Gen.Int[0, AgentIds.Length - 1].Select(a => new Op(OpKind.Logout, a, 0))),
        (1, Gen.Int[0, AgentIds.Length - 1].Select(a => new Op(OpKind.Pause, a, 0))),
        (2, Gen.Int[0, AgentIds.Length - 1].Select(a => new Op(OpKind.Ready, a, 0))),
        (1, Gen.Int[0, 1000].Select(a => new Op(OpKind.Classify, a, 0))),
        (1, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1], (a, b) => new Op(OpKind.Pending, a, b))),
        (3, Gen.Int[0, 45].Select(s => new Op(OpKind.Advance, s, 0))),
        (2, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, Arrivals.Length - 1], (a, b) => new Op(OpKind.TransferToService, a, b))),
        (2, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, AgentIds.Length - 1], (a, b) => new Op(OpKind.TransferToAgent, a, b))));

    private static readonly string[] TransferErrors =
        [AcdErrors.ValidationFailedCode, AcdErrors.QueueFullCode, AcdErrors.AgentNotAvailableCode, AcdErrors.AgentNotFoundCode];

    [Fact]
    public void No_agent_ever_exceeds_its_capacity_or_gets_two_voice_offers()
    {
        GenOp.Array[1, 150].Sample(ops =>
        {
            var h = new EngineHarness(Configuration());
            int next = 0;
            foreach (var op in ops)
            {
                Apply(h, op, ref next);
                CheckInvariants(h, op);
            }
        }, iter: 400);
    }

    private static void Apply(EngineHarness h, Op op, ref int next)
    {
        var engine = h.Engine;
        Interaction? Pick(Func<Interaction, bool> where)
        {
            var list = engine.Interactions.Values.Where(where).OrderBy(i => i.Sequence).ToList();
            return list.Count == 0 ? null : list[op.A % list.Count];
        }
        switch (op.Kind)
        {
            case OpKind.Arrive:
                var (service, media) = Arrivals[op.A];
                engine.Enqueue(new NewInteraction($"i{++next}", service, media));
                break;
            case OpKind.Accept when Pick(i => i.State == InteractionState.Offered) is { } offered:
                Assert.True(engine.Accept(offered.Id, offered.AgentId!).IsSuccess);
                break;
            case OpKind.Reject when Pick(i => i.State == InteractionState.Offered) is { } offered:
                Assert.True(engine.Reject(offered.Id, offered.AgentId!, fromChannel: op.A % 2 == 0).IsSuccess);
                break;
            case OpKind.NoAnswer when Pick(i => i.State == InteractionState.Offered) is { } offered:
                Assert.True(engine.NoAnswer(offered.Id, offered.AgentId!).IsSuccess);
                break;
            case OpKind.HangUp when Pick(i => i.State == InteractionState.Connected) is { } connected:
                Assert.True(engine.End(connected.Id).IsSuccess);
                break;
            case OpKind.Abandon when Pick(i => i.State is InteractionState.Queued or InteractionState.Offered) is { } waiting:
                Assert.True(engine.Abandon(waiting.Id).IsSuccess);
                break;
            case OpKind.Login:
                engine.Login(AgentIds[op.A]);
                break;
            case OpKind.Logout:
                var holds = engine.Agents.TryGetValue(AgentIds[op.A], out var s) && s.Interactions.Count > 0;
                var logout = engine.Logout(AgentIds[op.A]);
                if (holds) Assert.Equal(AcdErrors.InvalidStateTransitionCode, logout.Error?.Code);
                break;
            case OpKind.Pause:
                engine.Pause(AgentIds[op.A], op.A % 2 == 0 ? "break" : "lunch");
                break;
            case OpKind.Ready:
                engine.Ready(AgentIds[op.A]);
                break;
            case OpKind.Classify:
                var wrapping = engine.Agents.Values.SelectMany(a => a.WrapUps.Where(w => w.Phase == WrapUpPhase.Classification)
                    .Select(w => (Agent: a.Id, w.Interaction.Id))).ToList();
                if (wrapping.Count > 0)
                {
                    var (agent, id) = wrapping[op.A % wrapping.Count];
                    Assert.True(engine.Classify(agent, id, "sale").IsSuccess);
                }
                break;
            case OpKind.Pending when Pick(i => i.State == InteractionState.Connected && i.Media != MediaType.Voice) is { } digital:
                var result = engine.SetPending(digital.Id, op.B == 1);
                Assert.True(result.IsSuccess || result.Error.Code == AcdErrors.CapacityExceededCode);
                break;
            case OpKind.Advance:
                h.Advance(op.A);
                break;
            case OpKind.TransferToService when Pick(i => i.State != InteractionState.Ended) is { } moving:
                var toService = engine.TransferToService(moving.Id, Arrivals[op.B].Service, byAgent: op.A % 2 == 0);
                Assert.True(toService.IsSuccess || TransferErrors.Contains(toService.Error.Code), toService.Error?.ToString());
                break;
            case OpKind.TransferToAgent when Pick(i => i.State != InteractionState.Ended) is { } moving:
                var toAgent = engine.TransferToAgent(moving.Id, AgentIds[op.B], byAgent: op.A % 2 == 0);
                Assert.True(toAgent.IsSuccess || TransferErrors.Contains(toAgent.Error.Code), toAgent.Error?.ToString());
                break;
        }
    }

    private static void CheckInvariants(EngineHarness h, Op op)
    {
        var engine = h.Engine;
        var held = engine.Interactions.Values
            .Where(i => i.State is InteractionState.Offered or InteractionState.Connected)
            .ToList();
        foreach (var agent in engine.Agents.Values)
        {
            var mine = held.Where(i => i.AgentId == agent.Id).ToList();
            if (!agent.IsLoggedIn) Assert.Empty(mine);
            foreach (var media in MediaTypes.All)
            {
                int taking = mine.Count(i => i.Media == media && !i.Pending);
                Assert.True(taking <= agent.Definition.Capacity.For(media),
                    $"after {op}: {agent.Id} holds {taking} {media} over capacity {agent.Definition.Capacity.For(media)}");
                Assert.Equal(taking, agent.Load(media));
            }
            Assert.True(mine.Count(i => i.Media == MediaType.Voice && i.State == InteractionState.Offered) <= 1,
                $"after {op}: {agent.Id} has two voice offers");
            Assert.True(mine.Count(i => i.Media == MediaType.Voice) <= 1, $"after {op}: {agent.Id} holds two voice interactions");
            Assert.Equal(agent.DeriveState(), agent.State);
            Assert.Equal(mine.Count, agent.Interactions.Count);
        }
        Assert.Equal(engine.Interactions.Values.Count(i => i.State == InteractionState.Queued), engine.WaitingCount);

        // What the channel was told: every offer is later withdrawn, accepted, or still outstanding, never two at once
        // for voice at one agent.
        var outstandingVoice = new Dictionary<string, int>();
        foreach (var offer in h.Delivery.Offers.Where(o => o.Media == MediaType.Voice))
        {
            var interaction = engine.Interactions.GetValueOrDefault(offer.InteractionId);
            if (interaction is { State: InteractionState.Offered } && interaction.AgentId == offer.AgentId
                && ReferenceEquals(offer, h.Delivery.Offers.Last(o => o.InteractionId == offer.InteractionId)))
                outstandingVoice[offer.AgentId] = outstandingVoice.GetValueOrDefault(offer.AgentId) + 1;
        }
        Assert.All(outstandingVoice.Values, count => Assert.True(count <= 1, $"after {op}: two voice offers ringing at one agent"));
    }
}
