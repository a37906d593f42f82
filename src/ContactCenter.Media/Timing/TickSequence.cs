namespace ContactCenter.Media.Timing;

/// <summary>
/// The engine's last tick (sequence), published for threads that place work on the tick timeline without taking the
/// tick lock: the receive loops filing a recorded packet's frame, the recording writer deciding which ticks are ready.
/// </summary>
internal sealed class TickSequence
{
    private long _current = -1;

    /// <summary>The last tick the engine started (-1 before the first).</summary>
    public long Current => Volatile.Read(ref _current);

    /// <summary>Clock thread, at the start of a tick.</summary>
    public void Publish(long sequence) => Volatile.Write(ref _current, sequence);
}
