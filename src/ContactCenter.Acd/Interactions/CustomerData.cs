namespace ContactCenter.Acd.Interactions;

/// <summary>What the agent sees when offered the interaction (screen pop): who calls and what the channel collected.</summary>
/// <param name="Address">The customer's number or address ("+5511999990000", "ana@example.com").</param>
/// <param name="DisplayName">The customer's name when the channel knows it.</param>
/// <param name="Fields">Free data, e.g. what an IVR collected.</param>
public sealed record CustomerData(string? Address = null, string? DisplayName = null, IReadOnlyDictionary<string, string>? Fields = null)
{
    public static CustomerData None { get; } = new();
}
