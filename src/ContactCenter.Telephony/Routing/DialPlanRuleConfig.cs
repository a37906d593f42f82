namespace ContactCenter.Telephony.Routing;

/// <summary>
/// One outbound rule. <see cref="Match"/> is a .NET regular expression that must match the whole dialled
/// string (it is anchored for you); it is compiled with <c>RegexOptions.NonBacktracking</c>, so matching
/// time is linear in the input and constructs that need backtracking (backreferences, lookarounds,
/// atomic groups) are rejected.
/// </summary>
public sealed record DialPlanRuleConfig
{
    public required string Match { get; init; }

    /// <summary>Leading characters removed from the dialled string (e.g. 1 for an outside-line <c>0</c>).</summary>
    public int Strip { get; init; }

    /// <summary>Added in front after stripping (e.g. <c>+55</c> or a carrier code).</summary>
    public string Prepend { get; init; } = string.Empty;

    public required string Trunk { get; init; }

    /// <summary>
    /// Emergency numbers: the route is flagged so the call engine never refuses it for the trunk's
    /// <see cref="TrunkConfig.MaxChannels"/>, and the number is sent as transformed, never normalized.
    /// </summary>
    public bool Emergency { get; init; }
}
