using System.Threading.Channels;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// One call through the B2BUA: the caller's leg (we are its UAS) and the callee's leg (we are its UAC), each with its
/// SIP dialog and its media leg. Everything that touches a call runs on its own queue, one item at a time, so the
/// state below needs no locks; SIP and timer threads only <see cref="Post"/>.
/// </summary>
public sealed partial class Call
{
    private readonly CallEngine _engine;
    private readonly Channel<Action> _queue;

    // Caller side (A-leg).
    private ServerTransaction? _callerInvite;
    private SipDialog? _callerDialog;
    private SipDestination _callerDestination;
    private string _callerLocalVia = "";
    private string _callerLocalContact = "";
    private byte[]? _callerAnswer;

    // Callee side (B-leg).
    private ClientTransaction? _calleeInvite;
    private SipMessage? _calleeInviteMessage;
    private SipDialog? _calleeDialog;
    private SipDestination _calleeDestination;
    private bool _calleeProvisional;
    private bool _calleeCancelWanted;
    private bool _calleeInviteDone = true;

    private ITimer? _noAnswerTimer;
    private string? _callerCodec;
    private string? _calleeCodec;

    internal Call(CallEngine engine, string callerCallId)
    {
        _engine = engine;
        CallerCallId = callerCallId;
        Id = Guid.NewGuid().ToString("N");
        StartedAt = engine.Time.GetUtcNow();
        _queue = Channel.CreateBounded<Action>(new BoundedChannelOptions(engine.Options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        Completion = Task.Run(DrainAsync);
    }

    /// <summary>Our id for the call (CDR, events); not a SIP Call-ID.</summary>
    public string Id { get; }

    public string Caller { get; private set; } = "";
    public string Callee { get; private set; } = "";
    private volatile CallState _state = CallState.Routing;

    /// <summary>Changed only on the call's queue; readable from anywhere.</summary>
    public CallState State
    {
        get => _state;
        private set => _state = value;
    }
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? RingingAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The caller's media leg (RTP between the caller and us), or null before it exists / after the call.</summary>
    public MediaLeg? CallerMedia { get; private set; }

    /// <summary>The callee's media leg (RTP between the callee and us).</summary>
    public MediaLeg? CalleeMedia { get; private set; }

    /// <summary>Completes when the call's queue has drained for good (call ended, callee INVITE transaction over).</summary>
    public Task Completion { get; }

    internal string CallerCallId { get; }
    internal string? CalleeCallId { get; private set; }

    /// <summary>Queues work for this call; dropped (and logged) when the call is gone or its queue is full.</summary>
    internal void Post(Action work)
    {
        if (!_queue.Writer.TryWrite(work))
            _engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {Id}: queue full or closed; work dropped");
    }

    private async Task DrainAsync()
    {
        await foreach (var work in _queue.Reader.ReadAllAsync())
        {
            try
            {
                work();
            }
            catch (Exception ex)
            {
                // A bug in one step must not leave the call half-open: log it, and end the call if it was not over yet.
                _engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id} failed in state {State}", ex);
                if (State != CallState.Ended) TryFail(ex);
            }
            if (State == CallState.Ended && _calleeInviteDone)
            {
                _queue.Writer.TryComplete();
                _engine.Release(this);
            }
        }
    }

    private void TryFail(Exception ex)
    {
        try
        {
            _callerInvite?.SendResponse(500, "Server Internal Error");
            SendByeToCaller();
            HangUpCallee();
            End(Cdr.HangupSide.System, 500, "internal error: " + ex.GetType().Name);
        }
        catch (Exception again)
        {
            _engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id} could not be ended cleanly", again);
            State = CallState.Ended;
            _ended.TrySetResult();
        }
    }

    public override string ToString() => $"Call {Id} {Caller}->{Callee} ({State})";
}
