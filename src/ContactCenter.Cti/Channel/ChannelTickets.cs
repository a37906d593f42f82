using System.Collections.Concurrent;
using ContactCenter.Cti.Authentication;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// One-time tickets that open a channel without an <c>Authorization</c> header: a browser's <c>EventSource</c> and
/// <c>WebSocket</c> cannot send one, and a long-lived bearer token in a URL would end up in proxy and server logs. A
/// ticket is 256 random bits, lives <see cref="CtiOptions.ChannelTicketLifetime"/> (30 s by default), opens only the
/// subscription it was made for, and only once; it acts as the token that made it, which must still be active when it
/// is used. Only SHA-256 hashes are kept, in memory (a restart voids the outstanding ones, which clients re-create), and
/// at most <see cref="MaxOutstanding"/> at once.
/// </summary>
public sealed class ChannelTickets(TimeProvider time, IOptions<CtiOptions> options)
{
    /// <summary>Every ticket starts with this.</summary>
    public const string Prefix = "cct_";

    /// <summary>Tickets issued and not yet used or expired, at most.</summary>
    public const int MaxOutstanding = 10_000;

    private sealed record Entry(string TokenHash, string SubscriptionId, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);

    /// <summary>Tickets outstanding now (expired ones included until the next issue sweeps them).</summary>
    public int Outstanding => _byHash.Count;

    /// <summary>A new ticket for <paramref name="subscriptionId"/>, acting as the token whose hash is <paramref name="tokenHash"/>; null when too many are outstanding.</summary>
    public (string Ticket, DateTimeOffset ExpiresAt)? Issue(string tokenHash, string subscriptionId)
    {
        var now = time.GetUtcNow();
        if (_byHash.Count >= MaxOutstanding)
        {
            foreach (var (hash, entry) in _byHash)
            {
                if (entry.ExpiresAt <= now)
                    _byHash.TryRemove(hash, out _);
            }
            if (_byHash.Count >= MaxOutstanding)
                return null;
        }
        string ticket = Prefix + ApiTokenSecret.Generate()[ApiTokenSecret.Prefix.Length..];
        var expiresAt = now + options.Value.ChannelTicketLifetime;
        _byHash[ApiTokenSecret.Hash(ticket)] = new Entry(tokenHash, subscriptionId, expiresAt);
        return (ticket, expiresAt);
    }

    /// <summary>
    /// Uses up <paramref name="ticket"/>: the hash of the token it acts as when it was made for
    /// <paramref name="subscriptionId"/> and has not expired; otherwise null with the reason. Any attempt burns the
    /// ticket, so a guessed or leaked one cannot be tried twice.
    /// </summary>
    public string? Redeem(string ticket, string subscriptionId, out string failure)
    {
        failure = "The channel ticket is unknown, already used or expired.";
        if (ticket.Length > ApiTokenSecret.MaxLength || !ticket.StartsWith(Prefix, StringComparison.Ordinal)
            || !_byHash.TryRemove(ApiTokenSecret.Hash(ticket), out var entry) || entry.ExpiresAt <= time.GetUtcNow())
            return null;
        if (!string.Equals(entry.SubscriptionId, subscriptionId, StringComparison.Ordinal))
        {
            failure = "The channel ticket was made for another subscription.";
            return null;
        }
        return entry.TokenHash;
    }
}
