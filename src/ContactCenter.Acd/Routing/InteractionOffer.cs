using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

/// <summary>What the routing loop asks a channel to deliver: this interaction to this agent at this extension.</summary>
/// <param name="AnswerDelay">Automatic mode: connect after this delay without the agent's action.</param>
/// <param name="Timeout">Report no-answer if not accepted by then; the ACD also enforces it (RONA).</param>
/// <param name="Record">The service records its calls: start recording when the agent answers.</param>
public sealed record InteractionOffer(
    string InteractionId,
    string AgentId,
    string Extension,
    string ServiceId,
    MediaType Media,
    AnswerMode AnswerMode,
    TimeSpan AnswerDelay,
    TimeSpan Timeout,
    string? CallId,
    CustomerData Customer,
    bool Record = false);
