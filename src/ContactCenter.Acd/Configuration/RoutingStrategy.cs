namespace ContactCenter.Acd.Configuration;

/// <summary>How a service picks one agent among the eligible ones.</summary>
public enum RoutingStrategy
{
    /// <summary>The agent free for the longest time.</summary>
    LongestIdle,

    /// <summary>The highest total level on the service's required skills; ties go to the longest idle.</summary>
    BestSkill,

    /// <summary>The next eligible agent after the one chosen last, in the service's member order.</summary>
    RoundRobin,

    /// <summary>The agent who handled the fewest interactions today; ties go to the longest idle.</summary>
    FewestHandled,
}
