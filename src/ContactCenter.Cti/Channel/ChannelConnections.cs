using System.Collections.Concurrent;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// At most one open channel per subscription, whatever its transport (SSE or WebSocket): a new connection closes the
/// previous one (typically a half-dead TCP connection the client has already given up on), and unsubscribing closes it.
/// </summary>
public sealed class ChannelConnections
{
    private readonly ConcurrentDictionary<string, Lease> _open = new(StringComparer.Ordinal);

    /// <summary>Registers a new connection, closing the previous one; dispose the lease when the connection ends.</summary>
    public Lease Open(string subscriptionId, CancellationToken requestAborted)
    {
        var lease = new Lease(this, subscriptionId, CancellationTokenSource.CreateLinkedTokenSource(requestAborted));
        Lease? previous = null;
        _open.AddOrUpdate(subscriptionId, lease, (_, existing) =>
        {
            previous = existing; // the last call is the one that took effect
            return lease;
        });
        previous?.End(ChannelEndReason.TakenOver);
        return lease;
    }

    /// <summary>Closes the subscription's open channel, if any.</summary>
    public void Close(string subscriptionId)
    {
        if (_open.TryRemove(subscriptionId, out var lease))
            lease.End(ChannelEndReason.Unsubscribed);
    }

    /// <summary>How many channels are open.</summary>
    public int Count => _open.Count;

    private void Release(Lease lease) => _open.TryRemove(new KeyValuePair<string, Lease>(lease.SubscriptionId, lease));

    /// <summary>One open connection; its token is cancelled when the client leaves or the server ends the channel.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly ChannelConnections _owner;
        private readonly CancellationTokenSource _source;
        private int _reason;

        internal Lease(ChannelConnections owner, string subscriptionId, CancellationTokenSource source)
        {
            _owner = owner;
            _source = source;
            SubscriptionId = subscriptionId;
            Token = source.Token;
        }

        /// <summary>The subscription the connection delivers.</summary>
        public string SubscriptionId { get; }

        /// <summary>Cancelled when the connection must end.</summary>
        public CancellationToken Token { get; }

        /// <summary>Why the server ended it; <see cref="ChannelEndReason.None"/> when the client left or the server stops.</summary>
        public ChannelEndReason EndReason => (ChannelEndReason)Volatile.Read(ref _reason);

        internal void End(ChannelEndReason reason)
        {
            Interlocked.CompareExchange(ref _reason, (int)reason, (int)ChannelEndReason.None);
            try
            {
                _source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the connection ended on its own meanwhile
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _owner.Release(this);
            _source.Dispose();
        }
    }
}
