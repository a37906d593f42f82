namespace ContactCenter.Events.Contracts;

/// <summary>One leg of a call in its CDR (mirrors ContactCenter.Telephony.Cdr.LegDetailRecord).</summary>
public sealed record CallLegRecord(
    int Index,
    string Role,
    string Party,
    string? SipCallId,
    string? Codec,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    long? PacketsReceived = null,
    long? PacketsLost = null,
    double? JitterMilliseconds = null,
    double? Mos = null);
