namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>The outcome of applying a REGISTER to an extension's bindings: the new list (null: refused, with why) and what changed.</summary>
internal sealed record RegistrarDecision(List<RegistrationBinding>? Bindings, List<RegistrationEvent> Events, int Status = 200, string Reason = "OK")
{
    public static RegistrarDecision Abort(int status, string reason) => new(null, [], status, reason);
}
