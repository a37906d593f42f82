namespace ContactCenter.Telephony.Routing;

/// <summary>A group of extensions a DID can ring; stands in for the ACD until that issue replaces it.</summary>
public sealed record ServiceConfig
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Extensions { get; init; }

    public RingStrategy Strategy { get; init; } = RingStrategy.All;

    /// <summary>How long the whole group rings (<see cref="RingStrategy.All"/>) or each member rings (<see cref="RingStrategy.Sequential"/>).</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls to this service are recorded from the answer on.</summary>
    public bool Record { get; init; }
}
