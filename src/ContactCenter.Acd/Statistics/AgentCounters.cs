using ContactCenter.Acd.Agents;

namespace ContactCenter.Acd.Statistics;

/// <summary>An agent's running totals for one period (the current 15-minute interval, or today).</summary>
internal sealed class AgentCounters
{
    public DateTimeOffset Start { get; set; }
    public int Handled { get; set; }
    public int Offered { get; set; }
    public int Rejected { get; set; }
    public int Ronas { get; set; }
    public double TalkSeconds { get; set; }
    public double HoldSeconds { get; set; }
    public double WrapSeconds { get; set; }
    public double[] SecondsInState { get; } = new double[Enum.GetValues<AgentState>().Length];

    public void Reset(DateTimeOffset start)
    {
        Start = start;
        Handled = Offered = Rejected = Ronas = 0;
        TalkSeconds = HoldSeconds = WrapSeconds = 0;
        Array.Clear(SecondsInState);
    }
}
