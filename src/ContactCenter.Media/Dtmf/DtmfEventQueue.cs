namespace ContactCenter.Media.Dtmf;

/// <summary>
/// A fixed-capacity FIFO of DTMF events between a detector and its consumer, so one call to a detector can yield any
/// number of events without allocating. When full, the oldest event is dropped and counted.
/// </summary>
internal sealed class DtmfEventQueue
{
    // Made on the first event: most call legs never see a digit, and thousands of legs need not carry the array.
    private readonly int _capacity;
    private DtmfEvent[]? _items;
    private int _head;
    private int _count;

    public DtmfEventQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _count;

    public long Dropped { get; private set; }

    public void Enqueue(in DtmfEvent item)
    {
        _items ??= new DtmfEvent[_capacity];
        if (_count == _items.Length)
        {
            _head = (_head + 1) % _items.Length;
            _count--;
            Dropped++;
        }

        _items[(_head + _count) % _items.Length] = item;
        _count++;
    }

    public bool TryDequeue(out DtmfEvent item)
    {
        if (_count == 0 || _items is null)
        {
            item = default;
            return false;
        }

        item = _items[_head];
        _head = (_head + 1) % _items.Length;
        _count--;
        return true;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }
}
