using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

// The routing decision (ACD-04/05): while some agent is ready and something waits, take the best waiting interaction
// (service priority aged by waiting time) that has an eligible agent, and offer it to the agent the service's strategy
// prefers. Eligible: logged into the service (which needs the skill profile), available, not wrapping up, free
// capacity for the media type, and not one who already declined it in this queue.
public sealed partial class AcdEngine
{
    private readonly List<ServiceQueue> _candidates = [];
    private long _passStamp;

    /// <summary>Makes every assignment possible now. Called after each command and timer; cheap when nothing can move.</summary>
    public void Route()
    {
        while (_ready.Count > 0 && _waitingCount > 0)
        {
            var now = Now;
            CollectCandidates();
            ServiceQueue? bestQueue = null;
            Interaction? bestInteraction = null;
            AgentSession? bestAgent = null;
            double bestScore = double.MinValue;
            foreach (var queue in _candidates)
            {
                if (!FindPair(queue, out var interaction, out var agent)) continue;
                double score = Score(queue.Definition, interaction, now);
                if (bestInteraction == null || score > bestScore || (score == bestScore && interaction.Sequence < bestInteraction.Sequence))
                {
                    bestQueue = queue;
                    bestInteraction = interaction;
                    bestAgent = agent;
                    bestScore = score;
                }
            }
            if (bestInteraction == null) break;
            bestQueue!.LastChosenJoin = bestQueue.JoinOrder.GetValueOrDefault(bestAgent!, -1);
            Offer(bestQueue, bestInteraction, bestAgent!);
        }
    }

    /// <summary>Higher first: priority steps are worth <see cref="RoutingOptions.AgingPerPriorityStep"/> of waiting each.</summary>
    private double Score(ServiceDefinition service, Interaction interaction, DateTimeOffset now) =>
        service.Priority * _options.AgingPerPriorityStep.TotalSeconds + (now - interaction.LineSince).TotalSeconds;

    /// <summary>
    /// Services worth looking at: from the few ready agents' memberships when they are fewer than the non-empty
    /// queues (the loaded case), else every non-empty queue (the quiet case).
    /// </summary>
    private void CollectCandidates()
    {
        _candidates.Clear();
        if (_ready.Count < _nonEmpty.Count)
        {
            long stamp = ++_passStamp;
            foreach (var agent in _ready)
            {
                foreach (var serviceId in agent.Services)
                {
                    if (_queues.TryGetValue(serviceId, out var queue) && queue.Waiting.Count > 0 && queue.PassStamp != stamp)
                    {
                        queue.PassStamp = stamp;
                        _candidates.Add(queue);
                    }
                }
            }
        }
        else _candidates.AddRange(_nonEmpty);
    }

    /// <summary>
    /// The first interaction in line that some eligible agent can take, with that agent. Interactions nobody declined
    /// share one eligible set, so when the first of them finds no agent, none after it will.
    /// </summary>
    private bool FindPair(ServiceQueue queue, out Interaction interaction, out AgentSession agent)
    {
        foreach (var waiting in queue.Waiting)
        {
            if (PickAgent(queue, waiting) is { } picked)
            {
                interaction = waiting;
                agent = picked;
                return true;
            }
            if (waiting.Declined.Count == 0) break;
        }
        interaction = null!;
        agent = null!;
        return false;
    }

    private AgentSession? PickAgent(ServiceQueue queue, Interaction interaction)
    {
        AgentSession? best = null;
        long bestWrappedJoin = long.MaxValue;
        var strategy = queue.Definition.Strategy;
        // Walk whichever is smaller: the ready agents (filtered to members) or the members.
        if (_ready.Count < queue.Members.Count)
        {
            foreach (var agent in _ready)
                if (agent.SkillScores.ContainsKey(queue.Id)) Consider(agent);
        }
        else
        {
            foreach (var agent in queue.Members) Consider(agent);
        }
        return best;

        void Consider(AgentSession agent)
        {
            if (!agent.IsTakingWork || !agent.HasCapacityFor(interaction.Media)) return;
            if (interaction.Declined.Count > 0 && interaction.Declined.Contains(agent.Id)) return;
            if (strategy == RoutingStrategy.RoundRobin)
            {
                // Join numbers after the last chosen come first, then wrap around to the start.
                long join = queue.JoinOrder.GetValueOrDefault(agent, long.MaxValue);
                long wrapped = join > queue.LastChosenJoin ? join : join + (long.MaxValue / 2);
                if (wrapped < bestWrappedJoin)
                {
                    bestWrappedJoin = wrapped;
                    best = agent;
                }
                return;
            }
            if (best == null || Prefer(strategy, queue.Id, agent, best)) best = agent;
        }
    }

    private static bool Prefer(RoutingStrategy strategy, string serviceId, AgentSession candidate, AgentSession current)
    {
        switch (strategy)
        {
            case RoutingStrategy.BestSkill:
                int a = candidate.SkillScores.GetValueOrDefault(serviceId), b = current.SkillScores.GetValueOrDefault(serviceId);
                if (a != b) return a > b;
                break;
            case RoutingStrategy.FewestHandled:
                if (candidate.Today.Handled != current.Today.Handled) return candidate.Today.Handled < current.Today.Handled;
                break;
        }
        if (candidate.IdleSince != current.IdleSince) return candidate.IdleSince < current.IdleSince;
        return string.CompareOrdinal(candidate.Id, current.Id) < 0;
    }
}
