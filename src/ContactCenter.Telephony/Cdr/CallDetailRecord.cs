namespace ContactCenter.Telephony.Cdr;

/// <summary>
/// What happened on one call (SIP-10): parties, route, the moments it rang, was answered and ended, how long it rang,
/// talked and was on hold, who hung up and why, its recordings and its legs.
/// </summary>
public sealed record CallDetailRecord
{
    public required string Id { get; init; }
    public CdrStatus Status { get; init; } = CdrStatus.Completed;
    public required CallDirection Direction { get; init; }
    public required string Caller { get; init; }
    public required string Callee { get; init; }
    public string? Trunk { get; init; }
    public string? Did { get; init; }
    public string? ServiceId { get; init; }
    public string? AnsweredBy { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? RingingAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public TimeSpan HoldTime { get; init; }
    public int? HangupCode { get; init; }
    public string? HangupReason { get; init; }
    public HangupSide? HangupSide { get; init; }
    public IReadOnlyList<string> RecordingIds { get; init; } = [];

    /// <summary>The disposition the agent chose (ACD-06), or "unclassified"; set after the call, when classification ends.</summary>
    public string? Disposition { get; init; }
    public IReadOnlyList<LegDetailRecord> Legs { get; init; } = [];

    /// <summary>From the first ring to the answer, or to the end when nobody answered.</summary>
    public TimeSpan? RingTime => RingingAt is { } ring ? (AnsweredAt ?? EndedAt) - ring : null;

    /// <summary>From the answer to the end, hold included (hold is also reported on its own).</summary>
    public TimeSpan? TalkTime => AnsweredAt is { } answer && EndedAt is { } end ? end - answer : null;
}
