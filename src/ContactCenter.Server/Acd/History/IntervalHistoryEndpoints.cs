using System.Globalization;
using ContactCenter.Acd;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Statistics;
using ContactCenter.Storage;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.History;

/// <summary>
/// ACD-09 interval history: the persisted 15-minute rows of a service or an agent whose interval starts in [from, to)
/// (ISO 8601; at most 31 days apart), oldest first. A bad or reversed range is 400 <c>validation_failed</c>; an id that
/// is neither configured nor in the history is 404.
/// </summary>
public static class IntervalHistoryEndpoints
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public sealed record ServiceIntervals(string ServiceId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ServicePeriodStatistics> Intervals);

    public sealed record AgentIntervals(string AgentId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AgentPeriodStatistics> Intervals);

    public static void Map(RouteGroupBuilder acd)
    {
        acd.MapGet("/services/{id}/intervals", GetServiceIntervals).WithTags("ACD services").RequireAuthorization(AcdPolicies.Supervisor);
        acd.MapGet("/agents/{id}/intervals", GetAgentIntervals).WithTags("ACD agents").RequireAuthorization(AcdPolicies.Supervisor);
    }

    public static Results<Ok<ServiceIntervals>, ProblemHttpResult> GetServiceIntervals(string id, string? from, string? to,
        AcdRuntime runtime, IDbConnectionFactory connections)
    {
        if (ParseRange(from, to) is not { } range) return RangeProblem(from, to);
        using var connection = connections.Open();
        var rows = connection.Query<ServiceRow>("""
            SELECT interval_start, offered, answered, answered_in_sl, abandoned, overflowed, handled, service_level, asa_seconds, aht_seconds
            FROM acd_service_intervals WHERE service_id = @id AND interval_start >= @From AND interval_start < @To ORDER BY interval_start
            """, new { id, From = Stamp(range.From), To = Stamp(range.To) })
            .Select(r => new ServicePeriodStatistics(Parse(r.interval_start), (int)r.offered, (int)r.answered, (int)r.answered_in_sl,
                (int)r.abandoned, (int)r.overflowed, (int)r.handled, r.service_level, r.asa_seconds, r.aht_seconds))
            .ToList();
        if (rows.Count == 0 && !runtime.Configuration.Services.ContainsKey(id)) return AcdProblems.From(AcdErrors.ServiceNotFound(id));
        return TypedResults.Ok(new ServiceIntervals(id, range.From, range.To, rows));
    }

    public static Results<Ok<AgentIntervals>, ProblemHttpResult> GetAgentIntervals(string id, string? from, string? to,
        AcdRuntime runtime, IDbConnectionFactory connections)
    {
        if (ParseRange(from, to) is not { } range) return RangeProblem(from, to);
        using var connection = connections.Open();
        var rows = connection.Query<AgentRow>("""
            SELECT interval_start, offered, handled, rejected, ronas, talk_seconds, hold_seconds, wrap_seconds, logged_in_seconds,
                paused_seconds, occupancy
            FROM acd_agent_intervals WHERE agent_id = @id AND interval_start >= @From AND interval_start < @To ORDER BY interval_start
            """, new { id, From = Stamp(range.From), To = Stamp(range.To) })
            .Select(r => new AgentPeriodStatistics(Parse(r.interval_start), (int)r.offered, (int)r.handled, (int)r.rejected, (int)r.ronas,
                r.talk_seconds, r.hold_seconds, r.wrap_seconds, r.logged_in_seconds, r.paused_seconds, r.occupancy))
            .ToList();
        if (rows.Count == 0 && !runtime.Configuration.Agents.ContainsKey(id)) return AcdProblems.From(AcdErrors.AgentNotFound(id));
        return TypedResults.Ok(new AgentIntervals(id, range.From, range.To, rows));
    }

    private sealed record ServiceRow(string interval_start, long offered, long answered, long answered_in_sl, long abandoned, long overflowed,
        long handled, double? service_level, double? asa_seconds, double? aht_seconds);

    private sealed record AgentRow(string interval_start, long offered, long handled, long rejected, long ronas, double talk_seconds,
        double hold_seconds, double wrap_seconds, double logged_in_seconds, double paused_seconds, double? occupancy);

    private static (DateTimeOffset From, DateTimeOffset To)? ParseRange(string? from, string? to)
    {
        if (!TryParse(from, out var start) || !TryParse(to, out var end) || end <= start || end - start > MaxRange) return null;
        return (start, end);
    }

    private static ProblemHttpResult RangeProblem(string? from, string? to) => AcdProblems.Invalid(
        from is null || to is null ? "from and to are required (ISO 8601, e.g. 2025-03-10T09:00:00Z)."
        : !TryParse(from, out var start) || !TryParse(to, out var end) ? "from and to must be ISO 8601 date-times with an offset (e.g. 2025-03-10T09:00:00Z)."
        : end <= start ? "to must be after from."
        : $"The range may span at most {MaxRange.TotalDays:0} days.");

    private static bool TryParse(string? value, out DateTimeOffset result) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out result);

    // The history sink writes interval_start with DateTimeOffset.ToString("O") at offset zero: text order is time order.
    private static string Stamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
