namespace ContactCenter.Acd.Configuration;

/// <summary>A classification code an agent chooses after an interaction (ACD-06).</summary>
public sealed record Disposition(string Id, string Name)
{
    /// <summary>Recorded when the classification time ran out without a choice.</summary>
    public const string Unclassified = "unclassified";
}
