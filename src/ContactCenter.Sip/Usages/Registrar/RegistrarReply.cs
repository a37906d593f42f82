namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>The registrar's answer and whether it may be sent statelessly (a Digest challenge).</summary>
public readonly record struct RegistrarReply(byte[] Message, bool Stateless);
