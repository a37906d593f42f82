using ContactCenter.Server.Acd.Agents;
using ContactCenter.Server.Acd.Alarms;
using ContactCenter.Server.Acd.Catalog;
using ContactCenter.Server.Acd.Services;

namespace ContactCenter.Server.Acd;

public static class AcdEndpointRouteBuilderExtensions
{
    /// <summary>The ACD admin API under <c>/api/v1/acd</c>: every endpoint requires cc-supervisor (reads) or cc-admin (writes).</summary>
    public static RouteGroupBuilder MapAcdAdmin(this IEndpointRouteBuilder endpoints)
    {
        var acd = endpoints.MapGroup("/api/v1/acd");
        AgentEndpoints.Map(acd);
        AgentStateEndpoints.Map(acd);
        ServiceEndpoints.Map(acd);
        SkillEndpoints.Map(acd);
        PauseReasonEndpoints.Map(acd);
        DispositionEndpoints.Map(acd);
        AlarmRuleEndpoints.Map(acd);
        AlarmEndpoints.Map(acd);
        Interactions.InteractionEndpoints.Map(acd);
        History.IntervalHistoryEndpoints.Map(acd);
        return acd;
    }
}
