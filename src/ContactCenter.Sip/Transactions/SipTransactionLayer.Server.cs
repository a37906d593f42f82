using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

public sealed partial class SipTransactionLayer
{
    // Server transactions by their §17.2.3 key (RFC 3261 branch key or RFC 2543 key); the INVITEs of RFC 2543 peers
    // by the fields their ACK repeats; and every transaction of a request without To tag by From tag, Call-ID and
    // CSeq, to find merged requests (§8.2.2.2).
    private readonly Dictionary<string, ServerTransaction> _server = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerTransaction>.AlternateLookup<ReadOnlySpan<char>> _serverLookup;
    private readonly Dictionary<string, ServerTransaction> _rfc2543Acks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerTransaction>.AlternateLookup<ReadOnlySpan<char>> _rfc2543AckLookup;
    private readonly Dictionary<string, ServerTransaction> _merge = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerTransaction>.AlternateLookup<ReadOnlySpan<char>> _mergeLookup;

    /// <summary>
    /// The server transaction a CANCEL cancels (RFC 3261 §9.2: the §17.2.3 match with the method taken as INVITE), or
    /// null. A CANCEL's own transaction already carries it as <see cref="ServerTransaction.CancelledTransaction"/>.
    /// </summary>
    public ServerTransaction? FindCancelTarget(SipMessage cancel)
    {
        ArgumentNullException.ThrowIfNull(cancel);
        var key = new TransactionKeyWriter(stackalloc char[TransactionKeys.StackChars], TransactionKeys.Capacity(cancel));
        try
        {
            TransactionKeys.Server(ref key, cancel, TransactionKeys.Invite);
            lock (_tables) return _serverLookup.TryGetValue(key.Written, out var target) ? target : null;
        }
        finally
        {
            key.Dispose();
        }
    }

    private void OnRequest(SipMessage request)
    {
        if (request.Method == SipMethod.Ack)
        {
            OnAck(request);
            return;
        }
        var key = new TransactionKeyWriter(stackalloc char[TransactionKeys.StackChars], TransactionKeys.Capacity(request));
        try
        {
            TransactionKeys.Server(ref key, request, request.MethodName.Span);
            ServerTransaction? existing;
            lock (_tables) _serverLookup.TryGetValue(key.Written, out existing);
            if (existing is not null) existing.OnRetransmission(request);
            else CreateServerTransaction(request, key.Written);
        }
        finally
        {
            key.Dispose();
        }
    }

    /// <summary>
    /// A request no transaction matched a moment ago. The new transaction is built outside the lock; the lock re-checks
    /// (a concurrent copy of the same request may have won), checks for a merged request and tables it.
    /// </summary>
    private void CreateServerTransaction(SipMessage request, ReadOnlySpan<char> key)
    {
        var destination = Sender.ResponseDestination(request);
        string keyString = new(key);
        string? mergeKey = request.HasToTag ? null : BuildKey(request, KeyKind.Merge);
        string? ackKey = request.Method == SipMethod.Invite && !request.HasRfc3261Branch ? BuildKey(request, KeyKind.Rfc2543Ack) : null;
        ServerTransaction candidate = request.Method == SipMethod.Invite
            ? new InviteServerTransaction(this, request, destination) { Key = keyString, MergeKey = mergeKey, Rfc2543AckKey = ackKey }
            : new NonInviteServerTransaction(this, request, destination) { Key = keyString, MergeKey = mergeKey };
        string? cancelKey = request.Method == SipMethod.Cancel ? BuildKey(request, KeyKind.CancelTarget) : null;

        ServerTransaction? existing;
        bool merged = false, overloaded = false;
        lock (_tables)
        {
            if (_disposed) return;
            if (!_server.TryGetValue(keyString, out existing))
            {
                if (_server.Count >= _maxServerTransactions) overloaded = true;
                else
                {
                    if (mergeKey is not null) merged = !_merge.TryAdd(mergeKey, candidate);
                    if (merged) candidate.ForgetPreparedResponse(); // not yet visible to other threads
                    _server.Add(keyString, candidate);
                    if (ackKey is not null) _rfc2543Acks.TryAdd(ackKey, candidate);
                    if (cancelKey is not null && _server.TryGetValue(cancelKey, out var cancelled)) candidate.CancelledTransaction = cancelled;
                }
            }
        }

        if (existing is not null) existing.OnRetransmission(request);
        else if (overloaded) RejectStatelessly(request, destination);
        else candidate.Start(merged);
    }

    private void OnAck(SipMessage ack)
    {
        InviteServerTransaction? invite;
        var key = new TransactionKeyWriter(stackalloc char[TransactionKeys.StackChars], TransactionKeys.Capacity(ack));
        try
        {
            // An RFC 3261 ACK for a non-2xx carries the INVITE's branch; an RFC 2543 one repeats the INVITE's fields
            // with the To tag of the response (§17.2.3).
            bool rfc3261 = ack.HasRfc3261Branch;
            if (rfc3261) TransactionKeys.Server(ref key, ack, TransactionKeys.Invite);
            else TransactionKeys.Rfc2543Ack(ref key, ack);
            ServerTransaction? found;
            lock (_tables)
            {
                if (rfc3261) _serverLookup.TryGetValue(key.Written, out found);
                else _rfc2543AckLookup.TryGetValue(key.Written, out found);
            }
            invite = found as InviteServerTransaction;
            if (!rfc3261 && invite is not null && !invite.FinalResponseToTagIs(ack.ToTag.Span)) invite = null;
        }
        finally
        {
            key.Dispose();
        }
        if (invite is null || !invite.OnAck()) Deliver(User.OnStrayAck, ack);
    }

    private void RejectStatelessly(SipMessage request, SipDestination destination)
    {
        var response = SipResponseFactory.Create(request, 503, "Service Unavailable").Finish();
        Sender.Send(response, destination);
    }

    private void RemoveServerLocked(ServerTransaction transaction)
    {
        RemoveIfSame(_server, transaction.Key, transaction);
        RemoveIfSame(_merge, transaction.MergeKey, transaction);
        RemoveIfSame(_rfc2543Acks, transaction.Rfc2543AckKey, transaction);
    }

    private static string BuildKey(SipMessage request, KeyKind kind)
    {
        var key = new TransactionKeyWriter(stackalloc char[TransactionKeys.StackChars], TransactionKeys.Capacity(request));
        try
        {
            switch (kind)
            {
                case KeyKind.Merge: TransactionKeys.Merge(ref key, request); break;
                case KeyKind.Rfc2543Ack: TransactionKeys.Rfc2543Ack(ref key, request); break;
                default: TransactionKeys.Server(ref key, request, TransactionKeys.Invite); break;
            }
            return key.ToString();
        }
        finally
        {
            key.Dispose();
        }
    }

    private enum KeyKind : byte { Merge, Rfc2543Ack, CancelTarget }
}
