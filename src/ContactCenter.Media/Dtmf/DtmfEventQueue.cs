namespace ContactCenter.Media.Dtmf;

/// <summary>
/// A fixed-capacity FIFO of DTMF events between a detector and its consumer, so one call to a detector can yield any
/// number of events without allocating. When full, the oldest event is dropped and counted.
/// </summary>
internal sealed class DtmfEventQueue
{
    private readonly DtmfEvent[] _items;
    private int _head;
    private int _count;

    public DtmfEventQueue(int capacity) => _items = new DtmfEvent[capacity];

    public int Count => _count;

    public long Dropped { get; private set; }

    public void Enqueue(in DtmfEvent item)
    {
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
        if (_count == 0)
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
