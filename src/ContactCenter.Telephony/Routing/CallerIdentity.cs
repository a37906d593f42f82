namespace ContactCenter.Telephony.Routing;

/// <summary>The identity headers of a call sent out through a trunk.</summary>
/// <param name="FromUser">User part of the From URI.</param>
/// <param name="FromDomain">Host part of the From URI.</param>
/// <param name="AssertedIdentityUser">User part of the P-Asserted-Identity URI (same domain), or null for no header.</param>
/// <param name="PresentedNumber">The caller number presented, formatted per the trunk, or null when only the account is sent.</param>
public sealed record CallerIdentity(string FromUser, string FromDomain, string? AssertedIdentityUser, string? PresentedNumber);
