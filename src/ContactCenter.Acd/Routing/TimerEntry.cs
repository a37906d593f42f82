namespace ContactCenter.Acd.Routing;

/// <summary>
/// A deadline in the engine's timer queue. Timers are never cancelled: each carries the token of what armed it, and
/// a timer whose token no longer matches (the offer was answered, the wrap-up ended) does nothing when it comes due.
/// </summary>
internal readonly record struct TimerEntry(TimerKind Kind, string Id, long Token = 0, string? Extra = null);
