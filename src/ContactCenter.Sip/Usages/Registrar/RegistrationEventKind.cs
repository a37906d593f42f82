namespace ContactCenter.Sip.Usages.Registrar;

public enum RegistrationEventKind : byte
{
    Added,
    Refreshed,
    Removed,
    Expired,
}
