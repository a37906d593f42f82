namespace ContactCenter.Events.Contracts;

/// <summary>
/// The call detail record carried by call.ended (SIP-10), mirroring ContactCenter.Telephony.Cdr.CallDetailRecord:
/// parties, route, when it rang, was answered and ended, hold time, who hung up and why, recordings and legs.
/// </summary>
public sealed record CallRecord
{
    public required string Id { get; init; }
    public CallRecordStatus Status { get; init; } = CallRecordStatus.Completed;
    public required CallRecordDirection Direction { get; init; }
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
    public CallHangupSide? HangupSide { get; init; }
    public IReadOnlyList<string> RecordingIds { get; init; } = [];

    /// <summary>The ACD disposition; set after the call (classification), so call.ended carries none.</summary>
    public string? Disposition { get; init; }
    public IReadOnlyList<CallLegRecord> Legs { get; init; } = [];

    /// <summary>From the first ring to the answer, or to the end when nobody answered.</summary>
    public TimeSpan? RingTime => RingingAt is { } ring ? (AnsweredAt ?? EndedAt) - ring : null;

    /// <summary>From the answer to the end, hold included.</summary>
    public TimeSpan? TalkTime => AnsweredAt is { } answer && EndedAt is { } end ? end - answer : null;
}
