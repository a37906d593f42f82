namespace ContactCenter.Media.Timing;

/// <summary>Work the media clock runs every 20 ms tick: players, mixers, jitter buffers, recorders, DTMF senders.</summary>
public interface IMediaTickable
{
    /// <summary>Called on the clock's thread; must be short, never block, never allocate in steady state.</summary>
    void OnTick(long tick);
}
