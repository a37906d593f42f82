namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// One outbound rule. <see cref="Match"/> is a .NET regular expression matched against the whole dialled
/// number (after removing spaces, <c>-</c>, <c>.</c>, <c>(</c>, <c>)</c>), compiled non-backtracking.
/// </summary>
public sealed class SipProfileDialPlanRule
{
    public string Match { get; set; } = string.Empty;

    /// <summary>Leading characters removed from the dialled number.</summary>
    public int Strip { get; set; }

    /// <summary>Added in front after stripping: digits, <c>+</c>, <c>*</c>, <c>#</c>.</summary>
    public string Prepend { get; set; } = string.Empty;

    /// <summary>A trunk of the same profile that has an <c>Outbound</c> section.</summary>
    public string Trunk { get; set; } = string.Empty;

    /// <summary>Emergency numbers: never refused for the trunk's channel limit, sent exactly as transformed.</summary>
    public bool Emergency { get; set; }
}
