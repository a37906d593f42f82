using System.Threading.Channels;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

/// <summary>
/// The one routing loop (ARCHITECTURE.md, concurrency model): a bounded channel of work items read by a single task
/// that owns the <see cref="AcdEngine"/>. Commands from the API and reports from channels are queued and applied one
/// at a time; after each, due deadlines run and one <see cref="TimeProvider"/> timer is re-armed for the next.
/// </summary>
public sealed class AcdRuntime : IDeliveryReports, IAsyncDisposable
{
    private readonly Channel<Action> _work = Channel.CreateBounded<Action>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly AcdEngine _engine;
    private readonly TimeProvider _time;
    private readonly ITimer _wakeup;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private DateTimeOffset? _armedFor;

    public AcdRuntime(AcdEngine engine, TimeProvider time)
    {
        _engine = engine;
        _time = time;
        // The wake-up forgets what was armed: a timer that fires a little early still gets re-armed for the same deadline.
        _wakeup = time.CreateTimer(_ => _work.Writer.TryWrite(() => _armedFor = null), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _loop = Task.Run(RunAsync);
        _work.Writer.TryWrite(static () => { });
    }

    /// <summary>
    /// The configuration the loop routes with now, for lookups from other threads (a DID's service when a call arrives):
    /// an immutable snapshot, replaced as a whole when the administration changes it.
    /// </summary>
    public Configuration.AcdConfiguration Configuration => _engine.Configuration;

    /// <summary>Runs <paramref name="work"/> on the loop and returns its result.</summary>
    public async Task<T> RunAsync<T>(Func<AcdEngine, T> work, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The loop runs on its own task: the command's client_data is carried to it explicitly (CTI-07).
        var clientData = AcdCommandContext.ClientData;
        await _work.Writer.WriteAsync(() =>
        {
            _engine.CommandClientData = clientData;
            try { done.TrySetResult(work(_engine)); }
            catch (Exception ex) { done.TrySetException(ex); }
            finally { _engine.CommandClientData = null; }
        }, cancellationToken);
        return await done.Task.WaitAsync(cancellationToken);
    }

    public Task<AcdResult> EnqueueAsync(NewInteraction interaction) => RunAsync(e => e.Enqueue(interaction));
    public Task<AcdResult> OfferAcceptedAsync(string interactionId, string agentId) => RunAsync(e => e.Accept(interactionId, agentId));
    public Task<AcdResult> OfferRejectedAsync(string interactionId, string agentId) => RunAsync(e => e.Reject(interactionId, agentId));
    public Task<AcdResult> OfferNotAnsweredAsync(string interactionId, string agentId) => RunAsync(e => e.NoAnswer(interactionId, agentId));
    public Task<AcdResult> CustomerAbandonedAsync(string interactionId) => RunAsync(e => e.Abandon(interactionId));
    public Task<AcdResult> InteractionEndedAsync(string interactionId) => RunAsync(e => e.End(interactionId));

    private async Task RunAsync()
    {
        try
        {
            while (await _work.Reader.WaitToReadAsync(_stop.Token))
            {
                while (_work.Reader.TryRead(out var item))
                {
                    item();
                    _engine.ProcessDueTimers();
                }
                Rearm();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private void Rearm()
    {
        var next = _engine.NextDeadline;
        if (next == _armedFor) return;
        _armedFor = next;
        if (next is not { } at)
        {
            _wakeup.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var due = at - _time.GetUtcNow();
        // Past deadlines ran already; a deadline in this same tick gets the smallest delay the timer takes.
        _wakeup.Change(due > TimeSpan.Zero ? due : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _work.Writer.TryComplete();
        _stop.Cancel();
        await _wakeup.DisposeAsync();
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { }
        _stop.Dispose();
    }
}
