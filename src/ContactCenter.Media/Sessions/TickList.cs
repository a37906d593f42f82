namespace ContactCenter.Media.Sessions;

/// <summary>
/// The members the media clock visits every tick (legs): adding and removing one is O(1) and allocates nothing once the
/// slot array has grown to the peak, and a visit takes no lock. Each member keeps the slot it was given; a freed slot is
/// reused by the next member. It replaces copy-on-write arrays, which copied every live leg on each call's set-up and
/// tear-down: at thousands of calls per second that was O(n) per call, the largest allocation of the call path
/// (≈ 45% of its bytes), and it grew with the very backlog an overload creates.
/// </summary>
/// <remarks>
/// Readers see a member added or removed during their visit, or not (as with a snapshot array): a removed member may be
/// visited once more by a tick already under way, which members tolerate (their tick work checks whether they were disposed).
/// </remarks>
internal sealed class TickList<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Stack<int> _free = new();
    private T?[] _slots;
    private int _used;
    private int _count;

    public TickList(int initialCapacity = 64) => _slots = new T?[Math.Max(1, initialCapacity)];

    /// <summary>Members now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds <paramref name="member"/>; returns its slot, which <see cref="Remove"/> needs.</summary>
    public int Add(T member)
    {
        lock (_gate)
        {
            if (!_free.TryPop(out var slot))
            {
                if (_used == _slots.Length)
                {
                    var grown = new T?[_slots.Length * 2];
                    _slots.AsSpan().CopyTo(grown);
                    Volatile.Write(ref _slots, grown);
                }

                slot = _used;
                Volatile.Write(ref _used, _used + 1);
            }

            Volatile.Write(ref _slots[slot], member);
            _count++;
            return slot;
        }
    }

    /// <summary>Removes <paramref name="member"/> from <paramref name="slot"/>; false when it is not there (removed already).</summary>
    public bool Remove(int slot, T member)
    {
        lock (_gate)
        {
            if ((uint)slot >= (uint)_used || !ReferenceEquals(_slots[slot], member))
            {
                return false;
            }

            Volatile.Write(ref _slots[slot], null);
            _free.Push(slot);
            _count--;
            return true;
        }
    }

    /// <summary>The slots to visit now; empty ones are null. No lock: a view of the array as it is.</summary>
    public ReadOnlySpan<T?> Slots
    {
        get
        {
            var slots = Volatile.Read(ref _slots);
            return slots.AsSpan(0, Math.Min(Volatile.Read(ref _used), slots.Length));
        }
    }

    /// <summary>A copy of the members now (for disposal and inspection, not for the tick).</summary>
    public T[] ToArray()
    {
        lock (_gate)
        {
            var members = new List<T>(_count);
            foreach (var member in _slots.AsSpan(0, _used))
            {
                if (member is not null)
                {
                    members.Add(member);
                }
            }

            return [.. members];
        }
    }
}
