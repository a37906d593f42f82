namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>A change to the location service, for the event bus: the host bridges these to <c>registration.*</c> events.</summary>
public sealed record RegistrationEvent(RegistrationEventKind Kind, RegistrationBinding Binding, DateTimeOffset Time);
