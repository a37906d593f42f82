namespace ContactCenter.Acd.Statistics;

/// <summary>A service's running totals for one period (the current 15-minute interval, or today).</summary>
internal sealed class ServiceCounters
{
    public DateTimeOffset Start { get; set; }

    /// <summary>Interactions that entered the queue (arrivals, overflows in and transfers in).</summary>
    public int Offered { get; set; }
    public int Answered { get; set; }
    public int AnsweredWithinThreshold { get; set; }
    public int Abandoned { get; set; }
    public int Overflowed { get; set; }
    public int Handled { get; set; }
    public double AnswerWaitSeconds { get; set; }
    public double HandleSeconds { get; set; }
    public double LongestAnswerWaitSeconds { get; set; }

    public void Reset(DateTimeOffset start)
    {
        Start = start;
        Offered = Answered = AnsweredWithinThreshold = Abandoned = Overflowed = Handled = 0;
        AnswerWaitSeconds = HandleSeconds = LongestAnswerWaitSeconds = 0;
    }

    public ServicePeriodStatistics Snapshot() => new(
        Start,
        Offered,
        Answered,
        AnsweredWithinThreshold,
        Abandoned,
        Overflowed,
        Handled,
        ServiceLevel: Offered == 0 ? null : Math.Round(100.0 * AnsweredWithinThreshold / Offered, 2),
        AsaSeconds: Answered == 0 ? null : Math.Round(AnswerWaitSeconds / Answered, 3),
        AhtSeconds: Handled == 0 ? null : Math.Round(HandleSeconds / Handled, 3));
}
