namespace ContactCenter.Acd;

/// <summary>The stable error codes and their constructors.</summary>
public static class AcdErrors
{
    public const string AgentNotFoundCode = "agent_not_found";
    public const string ServiceNotFoundCode = "service_not_found";
    public const string InteractionNotFoundCode = "interaction_not_found";
    public const string UnknownSkillCode = "unknown_skill";
    public const string UnknownPauseReasonCode = "unknown_pause_reason";
    public const string UnknownDispositionCode = "unknown_disposition";
    public const string InvalidStateTransitionCode = "invalid_state_transition";
    public const string NotInClassificationCode = "not_in_classification";
    public const string NoPendingOfferCode = "no_pending_offer";
    public const string QueueFullCode = "queue_full";
    public const string CapacityExceededCode = "capacity_exceeded";
    public const string PermissionDeniedCode = "permission_denied";
    public const string DuplicateIdCode = "duplicate_id";
    public const string InUseCode = "in_use";
    public const string ValidationFailedCode = "validation_failed";
    public const string AlarmRuleNotFoundCode = "alarm_rule_not_found";
    public const string AlarmNotFoundCode = "alarm_not_found";
    public const string PauseReasonNotFoundCode = "pause_reason_not_found";
    public const string DispositionNotFoundCode = "disposition_not_found";
    public const string SkillNotFoundCode = "skill_not_found";
    public const string AgentNotAvailableCode = "agent_not_available";

    public static AcdError AgentNotFound(string id) => new(AgentNotFoundCode, $"No agent '{id}'.", AcdErrorKind.NotFound);
    public static AcdError ServiceNotFound(string id) => new(ServiceNotFoundCode, $"No service '{id}'.", AcdErrorKind.NotFound);
    public static AcdError InteractionNotFound(string id) => new(InteractionNotFoundCode, $"No active interaction '{id}'.", AcdErrorKind.NotFound);
    public static AcdError UnknownSkill(string id) => new(UnknownSkillCode, $"No skill '{id}'.", AcdErrorKind.Invalid);
    public static AcdError UnknownPauseReason(string id) => new(UnknownPauseReasonCode, $"No pause reason '{id}'.", AcdErrorKind.Invalid);
    public static AcdError UnknownDisposition(string id, string serviceId) =>
        new(UnknownDispositionCode, $"Disposition '{id}' is not in the list of service '{serviceId}'.", AcdErrorKind.Invalid);
    public static AcdError InvalidTransition(string agentId, string from, string action) =>
        new(InvalidStateTransitionCode, $"Agent '{agentId}' cannot {action} while {from}.", AcdErrorKind.Conflict);
    public static AcdError NotInClassification(string agentId, string interactionId) =>
        new(NotInClassificationCode, $"Agent '{agentId}' is not classifying interaction '{interactionId}'.", AcdErrorKind.Conflict);
    public static AcdError NoPendingOffer(string agentId, string interactionId) =>
        new(NoPendingOfferCode, $"Agent '{agentId}' has no pending offer of interaction '{interactionId}'.", AcdErrorKind.Conflict);
    public static AcdError QueueFull(string serviceId, int length) =>
        new(QueueFullCode, $"Service '{serviceId}' already has {length} waiting (its maximum).", AcdErrorKind.Conflict);
    public static AcdError CapacityExceeded(string agentId, string media) =>
        new(CapacityExceededCode, $"Agent '{agentId}' has no free {media} capacity.", AcdErrorKind.Conflict);
    public static AcdError PermissionDenied(string serviceId, string action) =>
        new(PermissionDeniedCode, $"Service '{serviceId}' does not allow agents to {action}.", AcdErrorKind.Forbidden);
    public static AcdError AgentNotAvailable(string agentId, string state, string media) =>
        new(AgentNotAvailableCode, $"Agent '{agentId}' cannot take a {media} interaction now (state {state}).", AcdErrorKind.Conflict);
    public static AcdError Duplicate(string kind, string id) => new(DuplicateIdCode, $"A {kind} '{id}' already exists.", AcdErrorKind.Conflict);
    public static AcdError InUse(string kind, string id, string by) => new(InUseCode, $"The {kind} '{id}' is used by {by}.", AcdErrorKind.Conflict);
    public static AcdError Invalid(string message) => new(ValidationFailedCode, message, AcdErrorKind.Invalid);
    public static AcdError NotFound(string code, string kind, string id) => new(code, $"No {kind} '{id}'.", AcdErrorKind.NotFound);
}
