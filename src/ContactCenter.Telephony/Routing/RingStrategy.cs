namespace ContactCenter.Telephony.Routing;

public enum RingStrategy
{
    /// <summary>Every member at once; the first to answer takes the call.</summary>
    All,

    /// <summary>Members one after the other in configured order, each for the ring timeout.</summary>
    Sequential,
}
