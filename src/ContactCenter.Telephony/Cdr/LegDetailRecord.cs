namespace ContactCenter.Telephony.Cdr;

/// <summary>One leg of a call (one dialog and its media) with the quality its RTP statistics measured.</summary>
public sealed record LegDetailRecord(
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
