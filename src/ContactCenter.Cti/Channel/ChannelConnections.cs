using System.Collections.Concurrent;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// At most one open channel per subscription: a new connection closes the previous one (typically a half-dead TCP
/// connection the client has already given up on), and unsubscribing closes it.
/// </summary>
public sealed class ChannelConnections
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _open = new(StringComparer.Ordinal);

    /// <summary>Registers a new connection, closing the previous one; dispose the lease when the connection ends.</summary>
    public Lease Open(string subscriptionId, CancellationToken requestAborted)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        CancellationTokenSource? previous = null;
        _open.AddOrUpdate(subscriptionId, source, (_, existing) =>
        {
            previous = existing; // the last call is the one that took effect
            return source;
        });
        if (previous is not null)
            Cancel(previous);
        return new Lease(this, subscriptionId, source);
    }

    /// <summary>Closes the subscription's open channel, if any.</summary>
    public void Close(string subscriptionId)
    {
        if (_open.TryRemove(subscriptionId, out var source))
            Cancel(source);
    }

    /// <summary>How many channels are open.</summary>
    public int Count => _open.Count;

    private void Release(string subscriptionId, CancellationTokenSource source)
    {
        _open.TryRemove(new KeyValuePair<string, CancellationTokenSource>(subscriptionId, source));
        source.Dispose();
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the connection ended on its own meanwhile
        }
    }

    /// <summary>One open connection; its token is cancelled when the client leaves or the channel is taken over.</summary>
    public sealed class Lease(ChannelConnections owner, string subscriptionId, CancellationTokenSource source) : IDisposable
    {
        /// <summary>Cancelled when the connection must end.</summary>
        public CancellationToken Token { get; } = source.Token;

        /// <inheritdoc />
        public void Dispose() => owner.Release(subscriptionId, source);
    }
}
