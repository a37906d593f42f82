using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The dialogs one INVITE we sent may create when a proxy forks it (RFC 3261 §12.1, §13.2.2.4): an early dialog per To
/// tag from 1xx responses, the first 2xx wins and is confirmed, and a 2xx from any other fork must be ACKed and then
/// ended with a BYE. Feed it every response to the INVITE (the client transaction's, then stray ones while it may still
/// get forks); it says what to do (<see cref="ForkDecision"/>). Dialogs it creates are not tabled: the caller adds
/// the ones it keeps to its <see cref="SipDialogTable"/>. Thread-safe.
/// </summary>
public sealed class InviteForkSet
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SipDialog> _forks = new(StringComparer.Ordinal);
    private SipDialog? _winner;
    private bool _failed;

    /// <param name="invite">The INVITE as sent (parsed from the bytes given to the transaction layer).</param>
    public InviteForkSet(SipMessage invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (!invite.IsRequest || invite.Method != SipMethod.Invite) throw new ArgumentException("Not an INVITE.", nameof(invite));
        Invite = invite;
    }

    public SipMessage Invite { get; }

    /// <summary>The dialog of the first 2xx, or null while none arrived.</summary>
    public SipDialog? Winner
    {
        get { lock (_gate) return _winner; }
    }

    /// <summary>Every dialog made so far (early, winner, and forks to be ACKed and BYE'd).</summary>
    public IReadOnlyList<SipDialog> Forks
    {
        get { lock (_gate) return [.. _forks.Values]; }
    }

    public ForkDecision OnResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!IsResponseToInvite(response) || response.StatusCode <= 100) return new ForkDecision(ForkAction.None, null);
        int status = response.StatusCode;
        if (status >= 300) return OnFailure();
        if (!response.HasToTag)
        {
            return status < 200
                ? new ForkDecision(ForkAction.None, null)
                : new ForkDecision(ForkAction.Invalid, null, DialogCreationError.NotDialogCreating);
        }
        var tag = Encoding.UTF8.GetString(response.ToTag.Span);
        lock (_gate)
        {
            _forks.TryGetValue(tag, out var fork);
            if (status < 200)
            {
                if (_winner is not null || _failed) return new ForkDecision(ForkAction.None, fork);
                if (fork is not null)
                {
                    fork.ApplyResponse(response);
                    return new ForkDecision(ForkAction.EarlyDialogUpdated, fork);
                }
                return Create(response, ForkAction.EarlyDialogCreated);
            }
            if (fork is not null && (ReferenceEquals(fork, _winner) || fork.State != SipDialogState.Early))
                return new ForkDecision(ForkAction.ResendAck, fork); // a retransmission of a 2xx already handled
            if (fork is null)
                return Create(response, _winner is null ? ForkAction.Confirmed : ForkAction.AckAndBye);
            fork.ApplyResponse(response);
            if (_winner is not null) return new ForkDecision(ForkAction.AckAndBye, fork);
            _winner = fork;
            return new ForkDecision(ForkAction.Confirmed, fork);
        }
    }

    /// <summary>
    /// Ends the forks still early: call when the INVITE transaction is over (no more responses can create dialogs) or
    /// once the winner is chosen and the others are no longer wanted. Returns the dialogs it ended.
    /// </summary>
    public IReadOnlyList<SipDialog> EndUnansweredForks()
    {
        List<SipDialog> ended;
        lock (_gate) ended = [.. _forks.Values.Where(d => d.State == SipDialogState.Early)];
        foreach (var dialog in ended) dialog.Terminate();
        return ended;
    }

    private ForkDecision Create(SipMessage response, ForkAction action)
    {
        if (!SipDialog.TryCreateUac(Invite, response, out var dialog, out var error))
            return new ForkDecision(ForkAction.Invalid, null, error);
        _forks[dialog!.RemoteTag] = dialog;
        if (action == ForkAction.Confirmed) _winner = dialog;
        return new ForkDecision(action, dialog);
    }

    private ForkDecision OnFailure()
    {
        lock (_gate)
        {
            if (_winner is not null) return new ForkDecision(ForkAction.None, _winner);
            _failed = true;
        }
        EndUnansweredForks();
        return new ForkDecision(ForkAction.Failed, null);
    }

    private bool IsResponseToInvite(SipMessage response) =>
        response.IsResponse && response.CSeqMethod == SipMethod.Invite && response.CSeq == Invite.CSeq &&
        response.CallId.Span.SequenceEqual(Invite.CallId.Span) && response.FromTag.Span.SequenceEqual(Invite.FromTag.Span);
}
