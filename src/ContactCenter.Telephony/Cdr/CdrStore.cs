using System.Globalization;
using ContactCenter.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Telephony.Cdr;

/// <summary>
/// Call detail records in the embedded store. A call's row is written when it starts and completed when it ends, in
/// one transaction with its legs; rows a crash left open are closed as "ended by restart" by
/// <see cref="CloseInterrupted"/> at the next start, so no call goes unrecorded.
/// </summary>
public sealed partial class CdrStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const string Module = "cdr";

    public static IReadOnlyList<Migration> Migrations { get; } =
        EmbeddedMigrations.FromAssembly(typeof(CdrStore).Assembly, Module, "Cdr.Migrations");

    /// <summary>Records that a call started; the row stays "in_progress" until <see cref="Complete"/>.</summary>
    public void Begin(string id, CallDirection direction, string caller, string callee, DateTimeOffset startedAt,
        string? trunk = null, string? did = null)
    {
        if (TryQueue(statements => InsertBegun(statements, id, direction, caller, callee, startedAt, trunk, did), begunId: id)) return;
        using var connection = connections.Open();
        using var statements = new CdrStatements(connection, null);
        InsertBegun(statements, id, direction, caller, callee, startedAt, trunk, did);
    }

    private const string InsertBegunSql = """
        INSERT INTO cdr_calls (id, status, direction, caller, callee, trunk, did, started_at)
        VALUES (@id, 'in_progress', @direction, @caller, @callee, @trunk, @did, @startedAt)
        """;

    private static void InsertBegun(CdrStatements statements, string id, CallDirection direction,
        string caller, string callee, DateTimeOffset startedAt, string? trunk, string? did) =>
        statements.Execute(InsertBegunSql, ("@id", id), ("@direction", Name(direction)), ("@caller", caller), ("@callee", callee),
            ("@trunk", trunk), ("@did", did), ("@startedAt", Stamp(startedAt)));

    /// <summary>Writes the final record and its legs in one transaction (inserting the call row if Begin was skipped).</summary>
    public void Complete(CallDetailRecord record)
    {
        var endedAt = record.EndedAt ?? time.GetUtcNow();
        if (TryQueue(statements => WriteCompleted(statements, record, endedAt), completedId: record.Id)) return;
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        using (var statements = new CdrStatements(connection, transaction))
        {
            WriteCompleted(statements, record, endedAt);
        }

        transaction.Commit();
    }

    private const string UpsertCompletedSql = """
        INSERT INTO cdr_calls (id, status, direction, caller, callee, trunk, did, service_id, answered_by, started_at,
            ringing_at, answered_at, ended_at, ring_seconds, talk_seconds, hold_seconds, hangup_code, hangup_reason,
            hangup_side, recording_ids)
        VALUES (@Id, @Status, @Direction, @Caller, @Callee, @Trunk, @Did, @ServiceId, @AnsweredBy, @StartedAt,
            @RingingAt, @AnsweredAt, @EndedAt, @RingSeconds, @TalkSeconds, @HoldSeconds, @HangupCode, @HangupReason,
            @HangupSide, @RecordingIds)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, direction = excluded.direction,
            caller = excluded.caller, callee = excluded.callee, trunk = excluded.trunk, did = excluded.did,
            service_id = excluded.service_id, answered_by = excluded.answered_by, ringing_at = excluded.ringing_at,
            answered_at = excluded.answered_at, ended_at = excluded.ended_at, ring_seconds = excluded.ring_seconds,
            talk_seconds = excluded.talk_seconds, hold_seconds = excluded.hold_seconds,
            hangup_code = excluded.hangup_code, hangup_reason = excluded.hangup_reason,
            hangup_side = excluded.hangup_side, recording_ids = excluded.recording_ids
        """;

    private const string DeleteLegsSql = "DELETE FROM cdr_legs WHERE call_id = @Id";

    private const string InsertLegSql = """
        INSERT INTO cdr_legs (call_id, leg_index, role, party, sip_call_id, codec, started_at, answered_at, ended_at,
            packets_received, packets_lost, jitter_ms, mos)
        VALUES (@CallId, @Index, @Role, @Party, @SipCallId, @Codec, @StartedAt, @AnsweredAt, @EndedAt,
            @PacketsReceived, @PacketsLost, @JitterMilliseconds, @Mos)
        """;

    private static void WriteCompleted(CdrStatements statements, CallDetailRecord record, DateTimeOffset endedAt)
    {
        statements.Execute(UpsertCompletedSql,
            ("@Id", record.Id),
            ("@Status", record.Status == CdrStatus.EndedByRestart ? "ended_by_restart" : "completed"),
            ("@Direction", Name(record.Direction)),
            ("@Caller", record.Caller),
            ("@Callee", record.Callee),
            ("@Trunk", record.Trunk),
            ("@Did", record.Did),
            ("@ServiceId", record.ServiceId),
            ("@AnsweredBy", record.AnsweredBy),
            ("@StartedAt", Stamp(record.StartedAt)),
            ("@RingingAt", Stamp(record.RingingAt)),
            ("@AnsweredAt", Stamp(record.AnsweredAt)),
            ("@EndedAt", Stamp(endedAt)),
            ("@RingSeconds", record.RingTime?.TotalSeconds),
            ("@TalkSeconds", record.TalkTime?.TotalSeconds),
            ("@HoldSeconds", record.HoldTime.TotalSeconds),
            ("@HangupCode", record.HangupCode),
            ("@HangupReason", record.HangupReason),
            ("@HangupSide", record.HangupSide is { } side ? Name(side) : null),
            ("@RecordingIds", record.RecordingIds.Count == 0 ? null : string.Join(',', record.RecordingIds)));
        if (!statements.CallRowIsNew)
        {
            statements.Execute(DeleteLegsSql, ("@Id", record.Id));
        }

        foreach (var leg in record.Legs)
        {
            statements.Execute(InsertLegSql,
                ("@CallId", record.Id),
                ("@Index", leg.Index),
                ("@Role", leg.Role),
                ("@Party", leg.Party),
                ("@SipCallId", leg.SipCallId),
                ("@Codec", leg.Codec),
                ("@StartedAt", Stamp(leg.StartedAt)),
                ("@AnsweredAt", Stamp(leg.AnsweredAt)),
                ("@EndedAt", Stamp(leg.EndedAt)),
                ("@PacketsReceived", leg.PacketsReceived),
                ("@PacketsLost", leg.PacketsLost),
                ("@JitterMilliseconds", leg.JitterMilliseconds),
                ("@Mos", leg.Mos));
        }
    }

    /// <summary>Closes every call a previous run left "in_progress"; returns how many. Call once at start.</summary>
    public int CloseInterrupted()
    {
        Flush();
        using var connection = connections.Open();
        return connection.Execute("""
            UPDATE cdr_calls SET status = 'ended_by_restart', ended_at = @now, hangup_side = 'system',
                hangup_reason = 'Ended by restart'
            WHERE status = 'in_progress'
            """, new { now = Stamp(time.GetUtcNow()) });
    }

    internal static string Name(CallDirection direction) => direction switch
    {
        CallDirection.Inbound => "inbound",
        CallDirection.Outbound => "outbound",
        _ => "internal",
    };

    internal static string Name(HangupSide side) => side switch
    {
        HangupSide.Caller => "caller",
        HangupSide.Callee => "callee",
        _ => "system",
    };

    /// <summary>UTC ISO 8601 with a fixed width, so text order is time order in SQL.</summary>
    // "O" of a UTC DateTime is yyyy-MM-ddTHH:mm:ss.fffffffZ, the stored form, through the runtime's fast path (the same
    // pattern spelled out as a custom format was a third of the CDR writer's time).
    internal static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static string? Stamp(DateTimeOffset? value) => value is { } v ? Stamp(v) : null;
}
