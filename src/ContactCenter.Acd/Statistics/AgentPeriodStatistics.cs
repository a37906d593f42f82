namespace ContactCenter.Acd.Statistics;

/// <summary>
/// An agent's figures for one period. Occupancy = time offered, busy or wrapping up / time logged in and not paused,
/// in percent; null before any such time.
/// </summary>
public sealed record AgentPeriodStatistics(
    DateTimeOffset Start,
    int Offered,
    int Handled,
    int Rejected,
    int Ronas,
    double TalkSeconds,
    double HoldSeconds,
    double WrapSeconds,
    double LoggedInSeconds,
    double PausedSeconds,
    double? Occupancy);
