namespace ContactCenter.Telephony.Routing;

/// <param name="Trunk">The trunk named by the matching rule; it always has <see cref="Trunk.Outbound"/>.</param>
/// <param name="Number">The Request-URI user to send: the dialled string after the rule's strip and prepend.</param>
/// <param name="CallerId">What to put in From and P-Asserted-Identity.</param>
/// <param name="Emergency">The rule is an emergency rule; never refuse it for the trunk's channel limit.</param>
/// <param name="RuleIndex">Zero-based position of the matching rule in the profile's dial plan (for logs and CDRs).</param>
public sealed record OutboundToTrunk(Trunk Trunk, string Number, CallerIdentity CallerId, bool Emergency, int RuleIndex) : OutboundRoute;
