namespace ContactCenter.Acd.Configuration;

/// <summary>Why an agent paused (break, lunch, training). <see cref="Rona"/> is reserved for the ACD itself.</summary>
public sealed record PauseReason(string Id, string Name)
{
    /// <summary>The reason the ACD gives when an agent did not answer an offer in time.</summary>
    public const string Rona = "rona";
}
