using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Events.InProcess;

namespace ContactCenter.Benchmarks.Acd;

/// <summary>
/// The issue-5 load: 100 services, 1,000 agents (each in 5 services, all busy), 5,000 interactions waiting. One
/// routing decision = an agent's call ends and the loop picks the best waiting interaction among its services by
/// priority with aging and offers it; the harness then accepts that offer and queues a new arrival so the load stays.
/// </summary>
internal sealed class LoadedAcd
{
    public const int Services = 100;
    public const int AgentCount = 1_000;
    public const int Waiting = 5_000;

    private readonly Random _random = new(5);
    private readonly string[] _connected = new string[AgentCount];
    private int _next;
    private int _sequence;

    public LoadedAcd()
    {
        var skills = Enumerable.Range(0, 10).Select(i => new Skill($"k{i}", $"Skill {i}")).ToList();
        var strategies = Enum.GetValues<RoutingStrategy>();
        var services = Enumerable.Range(0, Services).Select(i => new ServiceDefinition($"s{i}", $"Service {i}", MediaType.Voice, [],
            AnswerMode.Manual, 0, 20, new ServiceTimes(), new AgentPermissions(), [new SkillRequirement($"k{i % 10}", 10)],
            strategies[i % strategies.Length], i % 3, 0, 0, null, 20, new QueueAnnouncements(), [])).ToList();
        var agents = Enumerable.Range(0, AgentCount).Select(i => new AgentDefinition($"a{i}", $"Agent {i}", $"a{i}", $"{10000 + i}",
            skills.Select(s => new SkillLevel(s.Id, _random.Next(20, 101))).ToList(), MediaCapacity.VoiceOnly, AgentRole.Agent,
            Enumerable.Range(0, Services).OrderBy(_ => _random.Next()).Take(5).Select(s => $"s{s}").ToList())).ToList();
        Engine = new AcdEngine(new AcdConfiguration(skills, agents, services, [], [], []), NullInteractionDelivery.Instance,
            TimeProvider.System, new InProcessEventBus(TimeProvider.System));
        foreach (var agent in agents) Engine.Login(agent.Id);
        // Every agent takes one call, then 5,000 more wait.
        for (int round = 0; round < 100 && Engine.Agents.Values.Any(a => a.Interactions.Count == 0); round++)
        foreach (var agent in agents.Where(a => Engine.Agents[a.Id].Interactions.Count == 0))
        {
            Engine.Enqueue(new NewInteraction($"i{++_sequence}", agent.Services[0], MediaType.Voice));
            var offered = Engine.Interactions.Values.Where(i => i.State == InteractionState.Offered).ToList();
            foreach (var interaction in offered)
            {
                Engine.Accept(interaction.Id, interaction.AgentId!);
                _connected[int.Parse(interaction.AgentId![1..])] = interaction.Id;
            }
        }
        if (Engine.Agents.Values.Any(a => a.Interactions.Count != 1)) throw new InvalidOperationException("not every agent is busy");
        for (int i = 0; i < Waiting; i++) Arrive();
        if (Engine.WaitingCount != Waiting) throw new InvalidOperationException($"{Engine.WaitingCount} waiting, expected {Waiting}");
    }

    public AcdEngine Engine { get; }

    /// <summary>The agent whose call ends next and the call.</summary>
    public (int Agent, string Interaction) NextEnding()
    {
        int agent = _next++ % AgentCount;
        return (agent, _connected[agent]);
    }

    /// <summary>The measured part: the call ends and the routing decision offers the agent its next interaction.</summary>
    public void EndAndRoute(string interaction) => Engine.End(interaction);

    /// <summary>Restores the load: the agent accepts what it was offered and a new interaction arrives.</summary>
    public void Restore(int agent)
    {
        var session = Engine.Agents[$"a{agent}"];
        if (session.Interactions.Count == 0)
        {
            // Its services happened to be empty (arrivals are random): give it a call of its own.
            Engine.Enqueue(new NewInteraction($"i{++_sequence}", session.Services[0], MediaType.Voice));
        }
        else Arrive();
        var offered = session.Interactions.Count == 1 ? session.Interactions[0] : throw new InvalidOperationException($"agent a{agent} got no offer");
        Engine.Accept(offered.Id, session.Id);
        _connected[agent] = offered.Id;
    }

    private void Arrive() => Engine.Enqueue(new NewInteraction($"i{++_sequence}", $"s{_random.Next(Services)}", MediaType.Voice));
}
