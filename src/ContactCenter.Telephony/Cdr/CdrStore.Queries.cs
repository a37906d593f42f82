using System.Globalization;
using Dapper;

namespace ContactCenter.Telephony.Cdr;

public sealed partial class CdrStore
{
    private sealed record CallRow(string id, string status, string direction, string caller, string callee, string? trunk,
        string? did, string? service_id, string? answered_by, string started_at, string? ringing_at, string? answered_at,
        string? ended_at, double? hold_seconds, long? hangup_code, string? hangup_reason, string? hangup_side, string? recording_ids,
        string? disposition);

    private sealed record LegRow(string call_id, long leg_index, string role, string party, string? sip_call_id, string? codec,
        string started_at, string? answered_at, string? ended_at, long? packets_received, long? packets_lost, double? jitter_ms, double? mos);

    private const string CallColumns = """
        id, status, direction, caller, callee, trunk, did, service_id, answered_by, started_at, ringing_at, answered_at,
        ended_at, hold_seconds, hangup_code, hangup_reason, hangup_side, recording_ids, disposition
        """;

    public CallDetailRecord? Find(string id)
    {
        Flush();
        using var connection = connections.Open();
        var call = connection.QuerySingleOrDefault<CallRow>($"SELECT {CallColumns} FROM cdr_calls WHERE id = @id", new { id });
        if (call == null) return null;
        var legs = connection.Query<LegRow>("SELECT * FROM cdr_legs WHERE call_id = @id ORDER BY leg_index", new { id });
        return Map(call, legs);
    }

    /// <summary>Calls that started in [from, to), newest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<CallDetailRecord> List(DateTimeOffset from, DateTimeOffset to, int limit = 100)
    {
        Flush();
        using var connection = connections.Open();
        var calls = connection.Query<CallRow>(
            $"SELECT {CallColumns} FROM cdr_calls WHERE started_at >= @from AND started_at < @to ORDER BY started_at DESC LIMIT @limit",
            new { from = Stamp(from), to = Stamp(to), limit = Math.Clamp(limit, 1, 10_000) }).ToList();
        if (calls.Count == 0) return [];
        var legs = connection.Query<LegRow>("SELECT * FROM cdr_legs WHERE call_id IN @ids ORDER BY call_id, leg_index",
            new { ids = calls.Select(c => c.id).ToArray() }).ToLookup(l => l.call_id);
        return calls.Select(c => Map(c, legs[c.id])).ToArray();
    }

    private static CallDetailRecord Map(CallRow c, IEnumerable<LegRow> legs) => new()
    {
        Id = c.id,
        Status = c.status switch { "in_progress" => CdrStatus.InProgress, "ended_by_restart" => CdrStatus.EndedByRestart, _ => CdrStatus.Completed },
        Direction = c.direction switch { "inbound" => CallDirection.Inbound, "outbound" => CallDirection.Outbound, _ => CallDirection.Internal },
        Caller = c.caller,
        Callee = c.callee,
        Trunk = c.trunk,
        Did = c.did,
        ServiceId = c.service_id,
        AnsweredBy = c.answered_by,
        StartedAt = Parse(c.started_at),
        RingingAt = ParseOptional(c.ringing_at),
        AnsweredAt = ParseOptional(c.answered_at),
        EndedAt = ParseOptional(c.ended_at),
        HoldTime = TimeSpan.FromSeconds(c.hold_seconds ?? 0),
        HangupCode = (int?)c.hangup_code,
        HangupReason = c.hangup_reason,
        HangupSide = c.hangup_side switch { "caller" => Cdr.HangupSide.Caller, "callee" => Cdr.HangupSide.Callee, "system" => Cdr.HangupSide.System, _ => null },
        RecordingIds = c.recording_ids?.Split(',') ?? [],
        Disposition = c.disposition,
        Legs = legs.Select(l => new LegDetailRecord((int)l.leg_index, l.role, l.party, l.sip_call_id, l.codec, Parse(l.started_at),
            ParseOptional(l.answered_at), ParseOptional(l.ended_at), l.packets_received, l.packets_lost, l.jitter_ms, l.mos)).ToArray(),
    };

    private static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset? ParseOptional(string? value) => value == null ? null : Parse(value);
}
