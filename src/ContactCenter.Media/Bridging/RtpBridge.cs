using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Bridging;

/// <summary>
/// Connects two endpoints so each hears the other. Same codec on both legs: packets are relayed without decoding
/// (the cheap path, 0 B allocated per packet); different codecs: decoded, resampled and re-encoded on the media clock
/// tick. RFC 4733 DTMF is relayed with payload-type mapping. Each target endpoint's stream rewriter keeps its SSRC,
/// sequence and timestamps continuous across bridge, unbridge and re-bridge.
/// </summary>
/// <remarks>
/// Create and dispose from the call's queue. Disposing unbridges: the endpoints stay up and can be bridged again or
/// given a player.
/// The transcoding path decodes through <see cref="InboundAudio"/>: an adaptive jitter buffer (reordering, loss
/// concealment) read on the target's tick.
/// </remarks>
public sealed class RtpBridge : IDisposable
{
    private readonly BridgeDirection _firstToSecond;
    private readonly BridgeDirection _secondToFirst;
    private int _disposed;

    private RtpBridge(RtpEndpoint first, RtpEndpoint second)
    {
        First = first;
        Second = second;
        _firstToSecond = new BridgeDirection(second);
        _secondToFirst = new BridgeDirection(first);
    }

    /// <summary>One endpoint of the bridge.</summary>
    public RtpEndpoint First { get; }

    /// <summary>The other endpoint.</summary>
    public RtpEndpoint Second { get; }

    /// <summary>What the direction from <see cref="First"/> to <see cref="Second"/> did.</summary>
    public BridgeDirectionCounters FirstToSecond => _firstToSecond.Counters;

    /// <summary>What the direction from <see cref="Second"/> to <see cref="First"/> did.</summary>
    public BridgeDirectionCounters SecondToFirst => _secondToFirst.Counters;

    /// <summary>True until disposed.</summary>
    public bool IsActive => Volatile.Read(ref _disposed) == 0;

    /// <summary>
    /// Bridges two endpoints. Throws <see cref="InvalidOperationException"/> when either is already bridged or they are
    /// the same endpoint (the call engine unbridges first), <see cref="ObjectDisposedException"/> when one is disposed.
    /// </summary>
    public static RtpBridge Connect(RtpEndpoint first, RtpEndpoint second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (ReferenceEquals(first, second))
        {
            throw new InvalidOperationException("An endpoint cannot be bridged to itself.");
        }

        ObjectDisposedException.ThrowIf(first.IsDisposed, first);
        ObjectDisposedException.ThrowIf(second.IsDisposed, second);
        if (first.PacketSink is not null || second.PacketSink is not null)
        {
            throw new InvalidOperationException("An endpoint is already bridged; unbridge it first.");
        }

        var bridge = new RtpBridge(first, second);
        second.SetBridgeAudio(bridge._firstToSecond.TranscodedAudio);
        first.SetBridgeAudio(bridge._secondToFirst.TranscodedAudio);
        first.SetPacketSink(bridge._firstToSecond);
        second.SetPacketSink(bridge._secondToFirst);
        return bridge;
    }

    /// <summary>Unbridges (once); both endpoints stay usable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        First.SetPacketSink(null);
        Second.SetPacketSink(null);
        First.SetBridgeAudio(null);
        Second.SetBridgeAudio(null);
    }
}
