using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 transaction layer. Transports hand it every message (<see cref="OnMessage"/>, on their receive
/// loops): a request goes to its server transaction (a new one is handed to the TU, a retransmission is absorbed or
/// answered with the last response), a response to its client transaction; what matches nothing goes to the TU as
/// stray. Matching takes a short lock over the tables and allocates nothing for a retransmission or a response; all
/// timers run on one queue on the injected <see cref="TimeProvider"/>, and a terminated transaction leaves the tables at once.
/// </summary>
public sealed partial class SipTransactionLayer : ISipMessageHandler, IDisposable
{
    /// <summary>Server transactions beyond this are refused with a stateless 503: bounded memory under a flood.</summary>
    public const int DefaultMaxServerTransactions = 100_000;

    private readonly Lock _tables = new();
    private readonly Dictionary<string, ClientTransaction> _client = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ClientTransaction>.AlternateLookup<ReadOnlySpan<char>> _clientLookup;
    private readonly int _maxServerTransactions;
    private readonly Action<Exception>? _onCallbackError;
    private bool _disposed;

    /// <param name="sender">The transports.</param>
    /// <param name="time">Every timer reads it; tests pass a FakeTimeProvider.</param>
    /// <param name="timers">T1, T2, T4 and Timer D.</param>
    /// <param name="user">The TU: new requests, stray ACKs and responses.</param>
    /// <param name="maxServerTransactions">Above this many server transactions new requests get a stateless 503.</param>
    /// <param name="onCallbackError">
    /// Gets exceptions thrown by TU callbacks (and any escaping a timer callback, which would otherwise end the
    /// process); they are swallowed when null.
    /// </param>
    public SipTransactionLayer(ISipSender sender, TimeProvider time, SipTimerSettings timers, ISipTransactionUser user,
        int maxServerTransactions = DefaultMaxServerTransactions, Action<Exception>? onCallbackError = null)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxServerTransactions, 1);
        timers.Validate();
        Sender = sender;
        Time = time;
        Timers = timers;
        User = user;
        _maxServerTransactions = maxServerTransactions;
        _onCallbackError = onCallbackError;
        TimerQueue = new TransactionTimerQueue(time, timers.WaitTimerResolution);
        _clientLookup = _client.GetAlternateLookup<ReadOnlySpan<char>>();
        _serverLookup = _server.GetAlternateLookup<ReadOnlySpan<char>>();
        _rfc2543AckLookup = _rfc2543Acks.GetAlternateLookup<ReadOnlySpan<char>>();
        _mergeLookup = _merge.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SipTimerSettings Timers { get; }

    internal ISipSender Sender { get; }

    internal TimeProvider Time { get; }

    internal ISipTransactionUser User { get; }

    /// <summary>Every transaction timer of this layer, on one system timer.</summary>
    internal TransactionTimerQueue TimerQueue { get; }

    public int ClientTransactionCount
    {
        get { lock (_tables) return _client.Count; }
    }

    public int ServerTransactionCount
    {
        get { lock (_tables) return _server.Count; }
    }

    /// <summary>Called by the transports for every parsed message. Never blocks; TU callbacks run on this thread.</summary>
    public void OnMessage(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Volatile.Read(ref _disposed)) return;
        if (message.IsRequest) OnRequest(message);
        else OnResponse(message);
    }

    /// <summary>
    /// Fires the transaction timers already due, on the calling thread (a UDP receive loop between datagrams). The
    /// system timer fires them too, on the thread pool; under call load that callback waits behind queued call work, and
    /// a late Timer A or deferred 100 Trying makes peers retransmit. A clock read when nothing is due.
    /// </summary>
    public void RunDueWork()
    {
        if (!Volatile.Read(ref _disposed)) TimerQueue.RunDue();
    }

    /// <summary>
    /// Starts a client transaction: sends <paramref name="request"/> (a complete request whose top Via carries a
    /// branch from <see cref="SipIds.NewBranch"/>) to <paramref name="destination"/> and retransmits it as §17.1 says.
    /// The bytes are kept for retransmission and must not change afterwards. <paramref name="user"/> may be called
    /// before this returns (a transport error, a fast response).
    /// </summary>
    /// <exception cref="ArgumentException">Not a parseable request, an ACK (ACK is sent without a transaction), or no RFC 3261 branch.</exception>
    /// <exception cref="InvalidOperationException">A client transaction with the same branch and method is running.</exception>
    public ClientTransaction SendRequest(ReadOnlyMemory<byte> request, SipDestination destination, IClientTransactionUser user)
    {
        if (!SipMessageParser.TryParse(request, out var message, out var error) || message is null || !message.IsRequest)
            throw new ArgumentException($"Not a valid SIP request ({error}).", nameof(request));
        return SendRequest(message, destination, user);
    }

    /// <summary>
    /// <see cref="SendRequest(ReadOnlyMemory{byte}, SipDestination, IClientTransactionUser)"/> for a request the caller
    /// already parsed (its <see cref="SipMessage.Raw"/> bytes are what is sent): saves parsing it a second time.
    /// </summary>
    public ClientTransaction SendRequest(SipMessage message, SipDestination destination, IClientTransactionUser user)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(user);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        if (!message.IsRequest) throw new ArgumentException("Not a SIP request.", nameof(message));
        if (message.Method == SipMethod.Ack)
            throw new ArgumentException("ACK is not sent in a transaction (RFC 3261 §17.1.1.3): send it through ISipSender.", nameof(message));
        if (!message.HasRfc3261Branch)
            throw new ArgumentException("The top Via needs a branch starting with z9hG4bK (SipIds.NewBranch()).", nameof(message));

        var key = new TransactionKeyWriter(stackalloc char[TransactionKeys.StackChars], TransactionKeys.Capacity(message));
        string keyString;
        try
        {
            TransactionKeys.Client(ref key, message.Branch.Span, message.MethodName.Span);
            keyString = key.ToString();
        }
        finally
        {
            key.Dispose();
        }
        ClientTransaction transaction = message.Method == SipMethod.Invite
            ? new InviteClientTransaction(this, message, destination, user) { Key = keyString }
            : new NonInviteClientTransaction(this, message, destination, user) { Key = keyString };
        lock (_tables)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_client.TryAdd(transaction.Key, transaction))
                throw new InvalidOperationException($"A {SipMethods.ToName(message.Method)} client transaction with branch {transaction.Branch} is already running.");
        }
        transaction.Start();
        return transaction;
    }

    /// <summary>
    /// <see cref="SendRequest"/> as a task: completes with the final response (the first 2xx for an INVITE; a local
    /// 408 or 503 on timeout or transport error). Provisional responses go to <paramref name="onProvisional"/>. For an
    /// INVITE, later 2xx (retransmissions, forks) are not reported: use <see cref="SendRequest"/> to see them.
    /// </summary>
    public Task<SipMessage> SendRequestAsync(ReadOnlyMemory<byte> request, SipDestination destination, Action<SipMessage>? onProvisional = null)
    {
        var user = new TaskClientTransactionUser(onProvisional);
        SendRequest(request, destination, user);
        return user.FinalResponse;
    }

    /// <summary>Ends every transaction without sending anything; later messages are ignored.</summary>
    public void Dispose()
    {
        List<SipTransaction> all;
        lock (_tables)
        {
            if (_disposed) return;
            Volatile.Write(ref _disposed, true);
            all = [.. _client.Values, .. _server.Values];
            _client.Clear();
            _server.Clear();
            _rfc2543Acks.Clear();
            _merge.Clear();
        }
        foreach (var transaction in all) transaction.Abandon();
        TimerQueue.Dispose();
    }

    private void OnResponse(SipMessage response)
    {
        ClientTransaction? transaction = null;
        if (!response.Branch.IsEmpty)
        {
            var key = new TransactionKeyWriter(stackalloc char[TransactionKeys.StackChars], TransactionKeys.Capacity(response));
            try
            {
                TransactionKeys.Client(ref key, response.Branch.Span, response.CSeqMethodName.Span);
                lock (_tables) _clientLookup.TryGetValue(key.Written, out transaction);
            }
            finally
            {
                key.Dispose();
            }
        }
        if (transaction is null || !transaction.OnResponse(response)) Deliver(User.OnStrayResponse, response);
    }

    internal void Remove(SipTransaction transaction)
    {
        lock (_tables)
        {
            if (transaction is ClientTransaction client) RemoveIfSame(_client, client.Key, client);
            else if (transaction is ServerTransaction server) RemoveServerLocked(server);
        }
    }

    internal void ReportCallbackError(Exception exception)
    {
        try
        {
            _onCallbackError?.Invoke(exception);
        }
        catch
        {
            // The error sink itself failed; there is nowhere left to report to, and a receive loop or timer thread must go on.
        }
    }

    private void Deliver(Action<SipMessage> callback, SipMessage message)
    {
        try
        {
            callback(message);
        }
        catch (Exception ex)
        {
            ReportCallbackError(ex);
        }
    }

    private static void RemoveIfSame<T>(Dictionary<string, T> table, string? key, T transaction) where T : class
    {
        if (key is not null && table.TryGetValue(key, out var current) && ReferenceEquals(current, transaction)) table.Remove(key);
    }
}
