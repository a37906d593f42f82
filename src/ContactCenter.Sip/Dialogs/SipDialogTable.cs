using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The dialogs of a user agent by id (Call-ID, local tag, remote tag), for matching what arrives: in-dialog requests and
/// ACKs (To tag ours), stray 2xx (From tag ours). Bounded: beyond <see cref="Capacity"/> dialogs it refuses new ones
/// (answer 503). A dialog leaves when it terminates, so the table holds only live dialogs. Thread-safe.
/// </summary>
public sealed class SipDialogTable
{
    public const int DefaultCapacity = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<SipDialogId, SipDialog> _dialogs = [];
    private readonly Action<SipDialog> _onTerminated;

    public SipDialogTable(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _onTerminated = dialog => Remove(dialog);
    }

    public int Capacity { get; }

    public int Count
    {
        get { lock (_gate) return _dialogs.Count; }
    }

    /// <summary>Adds a live dialog. False when its id is taken, the table is full, or the dialog has already ended.</summary>
    public bool TryAdd(SipDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        lock (_gate)
        {
            if (_dialogs.Count >= Capacity || !_dialogs.TryAdd(dialog.Id, dialog)) return false;
        }
        dialog.Terminated += _onTerminated;
        // It may have ended between the add and the subscription, and then nobody would remove it.
        if (dialog.State != SipDialogState.Terminated) return true;
        Remove(dialog);
        return false;
    }

    /// <summary>Removes the dialog if it is the one tabled under its id. True when it was.</summary>
    public bool Remove(SipDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        bool removed;
        lock (_gate)
        {
            removed = _dialogs.TryGetValue(dialog.Id, out var current) && ReferenceEquals(current, dialog) && _dialogs.Remove(dialog.Id);
        }
        if (removed) dialog.Terminated -= _onTerminated;
        return removed;
    }

    public bool TryGet(SipDialogId id, out SipDialog? dialog)
    {
        lock (_gate) return _dialogs.TryGetValue(id, out dialog);
    }

    /// <summary>The dialog of a received in-dialog request or ACK (To tag ours, From tag theirs, §12.2.2); null when none.</summary>
    public SipDialog? FindForRequest(SipMessage request) =>
        SipDialogId.TryFromIncomingRequest(request, out var id) && TryGet(id, out var dialog) ? dialog : null;

    /// <summary>The dialog of a received response to our request (From tag ours, To tag theirs); null when none.</summary>
    public SipDialog? FindForResponse(SipMessage response) =>
        SipDialogId.TryFromIncomingResponse(response, out var id) && TryGet(id, out var dialog) ? dialog : null;

    /// <summary>A snapshot of the dialogs, e.g. to end them all at shutdown.</summary>
    public IReadOnlyList<SipDialog> Snapshot()
    {
        lock (_gate) return [.. _dialogs.Values];
    }
}
