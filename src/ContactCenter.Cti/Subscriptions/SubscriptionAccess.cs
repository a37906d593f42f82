using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Cti.Subscriptions;

/// <summary>Who may see and use a subscription: its owner token, and an admin. Others get the same 404 as for a missing one.</summary>
internal static class SubscriptionAccess
{
    public static bool MayManage(CtiCaller caller, CtiSubscription subscription) =>
        caller.Role == CtiRoles.Admin || subscription.OwnerTokenId == caller.TokenId;

    public static bool MayView(CtiCaller caller, CtiSubscription subscription) =>
        caller.IsSupervisorOrAbove || subscription.OwnerTokenId == caller.TokenId;

    public static CtiProblem NotFound(string id) =>
        CtiProblem.NotFound("subscription_not_found", $"No subscription '{id}' belongs to this token.");
}
