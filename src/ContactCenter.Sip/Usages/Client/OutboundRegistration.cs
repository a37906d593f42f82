using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>
/// Keeps one contact registered with a provider's registrar (RFC 3261 §10.2): REGISTER, answering 401/407 with
/// <see cref="DigestClient"/> and 423 with the registrar's Min-Expires; refreshes before the granted interval ends;
/// retries failures with capped, jittered exponential backoff; unregisters (Expires: 0) on <see cref="StopAsync"/>.
/// One Call-ID and From tag for its whole life, CSeq one higher on every request (§10.2.4). Every timer reads the
/// injected <see cref="TimeProvider"/>; requests go through the transaction layer's client transactions.
/// </summary>
public sealed partial class OutboundRegistration : IAsyncDisposable
{
    private readonly OutboundRegistrationOptions _options;
    private readonly SipTransactionLayer _transactions;
    private readonly TimeProvider _time;
    private readonly ISipLog _log;
    private readonly DigestClient _digest;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private RegistrationState _state;
    private RegistrationStateChange? _lastChange;
    private int _grantedExpires;
    private DateTimeOffset? _nextAttemptAt;
    private Task? _loop;
    private Task? _stop;

    /// <exception cref="ArgumentException">An option is not usable (a URI does not parse, a value would break a header).</exception>
    public OutboundRegistration(OutboundRegistrationOptions options, SipTransactionLayer transactions, ITrunkCredentials credentials,
        TimeProvider time, ISipLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        Validate(options);
        _options = options;
        _transactions = transactions;
        _time = time;
        _log = log ?? NullSipLog.Instance;
        _digest = new DigestClient(credentials);
        _expires = options.RequestedExpires;
        CallId = $"{SipIds.NewTag()}{SipIds.NewTag()}@{HostOf(options.ViaSentBy)}";
        FromTag = SipIds.NewTag();
    }

    /// <summary>Raised on every change of <see cref="State"/>, on the thread that caused it; handlers must not block.</summary>
    public event Action<RegistrationStateChange>? StateChanged;

    public RegistrationState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>The last transition, or null before the first.</summary>
    public RegistrationStateChange? LastChange
    {
        get { lock (_gate) return _lastChange; }
    }

    /// <summary>The interval the registrar granted in its last 200, 0 when not registered.</summary>
    public int GrantedExpires
    {
        get { lock (_gate) return _grantedExpires; }
    }

    /// <summary>When the next REGISTER (refresh or retry) is due; null while one is under way or when stopped.</summary>
    public DateTimeOffset? NextAttemptAt
    {
        get { lock (_gate) return _nextAttemptAt; }
    }

    /// <summary>The Call-ID of every REGISTER this instance sends.</summary>
    public string CallId { get; }

    /// <summary>The From tag of every REGISTER this instance sends.</summary>
    public string FromTag { get; }

    /// <summary>Sends the first REGISTER and keeps the registration up until <see cref="StopAsync"/>.</summary>
    /// <exception cref="InvalidOperationException">Already started, or stopped.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null || _stop is not null) throw new InvalidOperationException("An outbound registration is started once.");
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    /// <summary>
    /// Stops refreshing and, when a REGISTER was ever sent, removes the binding with Expires: 0 (answering a challenge
    /// again if asked). Completes when the unregistration got its final response (at most a transaction timeout, 32 s
    /// with default timers) or <paramref name="cancellationToken"/> fires; the state is then Unregistered.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource? first = null;
        Task stop;
        lock (_gate)
        {
            if (_stop is null)
            {
                first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _stop = first.Task;
            }
            stop = _stop;
        }
        // Started outside the lock: stopping raises StateChanged, and handlers must not run under it.
        if (first is not null) _ = CompleteStopAsync(first, cancellationToken);
        return stop;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _stopping.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        SetState(RegistrationState.Registering, 0, "Registering", 0);
        int failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            RegisterOutcome outcome;
            try
            {
                outcome = await RegisterAsync(unregister: false, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                SetState(RegistrationState.Failed, 0, "The transaction layer was disposed", 0);
                return;
            }
            catch (Exception ex)
            {
                // Not expected (the requests are built here); logged, and treated as a failed attempt so the loop goes on.
                _log.Write(SipLogLevel.Error, "sip.client.register", $"REGISTER for {_options.Aor} failed unexpectedly", ex);
                outcome = RegisterOutcome.Failure(0, ex.Message);
            }

            TimeSpan wait;
            if (outcome.Success)
            {
                failures = 0;
                wait = RegistrationTiming.RefreshDelay(outcome.GrantedExpires);
            }
            else
            {
                failures++;
                wait = RegistrationTiming.RetryDelay(failures, outcome.RetryAfter, _options.RetryDelay, _options.MaxRetryDelay,
                    _options.RetryJitter, Random.Shared.NextDouble());
            }
            // Armed before the state change is announced: whoever reacts to it (a test advancing a fake clock) finds the timer set.
            var delay = Task.Delay(wait, _time, cancellationToken);
            lock (_gate) _nextAttemptAt = _time.GetUtcNow() + wait;
            if (outcome.Success) SetState(RegistrationState.Registered, outcome.StatusCode, outcome.Reason, outcome.GrantedExpires);
            else SetState(RegistrationState.Failed, outcome.StatusCode, outcome.Reason, 0);
            try
            {
                await delay;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            lock (_gate) _nextAttemptAt = null;
        }
    }

    private async Task CompleteStopAsync(TaskCompletionSource completion, CancellationToken cancellationToken)
    {
        try
        {
            await StopCoreAsync(cancellationToken).ConfigureAwait(false);
            completion.SetResult();
        }
        catch (Exception ex)
        {
            completion.SetException(ex);
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate) loop = _loop;
        _stopping.Cancel();
        if (loop is not null) await loop.ConfigureAwait(false);
        lock (_gate) _nextAttemptAt = null;
        if (!HasSentRequest)
        {
            SetState(RegistrationState.Unregistered, 0, "Stopped", 0);
            return;
        }
        RegisterOutcome outcome;
        try
        {
            outcome = await RegisterAsync(unregister: true, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            outcome = RegisterOutcome.Failure(0, "Unregistration cancelled");
        }
        catch (ObjectDisposedException)
        {
            outcome = RegisterOutcome.Failure(0, "The transaction layer was disposed");
        }
        SetState(RegistrationState.Unregistered, outcome.StatusCode, outcome.Success ? "Unregistered" : outcome.Reason, 0);
    }

    private void SetState(RegistrationState state, int statusCode, string reason, int grantedExpires)
    {
        RegistrationStateChange change;
        lock (_gate)
        {
            _grantedExpires = grantedExpires;
            if (_state == state && _lastChange is not null) return;
            change = new RegistrationStateChange(_state, state, statusCode, reason, grantedExpires, _time.GetUtcNow());
            _state = state;
            _lastChange = change;
        }
        _log.Write(state == RegistrationState.Failed ? SipLogLevel.Warning : SipLogLevel.Information, "sip.client.register",
            $"{_options.Aor}: {change.Previous} -> {state} ({statusCode} {reason})");
        try
        {
            StateChanged?.Invoke(change);
        }
        catch (Exception ex)
        {
            _log.Write(SipLogLevel.Error, "sip.client.register", "A StateChanged handler failed", ex);
        }
    }
}
