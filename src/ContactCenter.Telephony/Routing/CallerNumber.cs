namespace ContactCenter.Telephony.Routing;

/// <summary>A caller number received from a trunk, for display and CDRs.</summary>
/// <param name="Raw">The user part as received (empty when absent).</param>
/// <param name="E164">The number in E.164, or null when it is anonymous or cannot be a phone number.</param>
/// <param name="IsAnonymous">The caller withheld the number (absent, <c>anonymous</c>, <c>restricted</c>, …).</param>
public sealed record CallerNumber(string Raw, string? E164, bool IsAnonymous)
{
    /// <summary>What to show: E.164 when known, otherwise the raw user part (or <c>anonymous</c>).</summary>
    public string Display => E164 ?? (IsAnonymous ? "anonymous" : Raw);
}
