namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>
/// The bindings of every extension (RFC 3261 §10.3's location service). Lookups never return an expired binding;
/// a sweep on <see cref="TimeProvider"/> removes and announces expired ones. Thread-safe.
/// </summary>
public sealed class LocationService : IDisposable
{
    private readonly Dictionary<string, List<RegistrationBinding>> _bindings = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;

    public LocationService(TimeProvider time, TimeSpan sweepInterval)
    {
        _time = time;
        _sweep = time.CreateTimer(_ => Sweep(), null, sweepInterval, sweepInterval);
    }

    /// <summary>Raised after every change, outside the store's lock. Handlers must be quick (post to a queue).</summary>
    public event Action<RegistrationEvent>? Changed;

    /// <summary>The live contacts of an extension, highest q first, most recent first among equals.</summary>
    public IReadOnlyList<RegistrationBinding> Lookup(string aor)
    {
        var now = _time.GetUtcNow();
        RegistrationBinding[] live;
        lock (_lock)
        {
            if (!_bindings.TryGetValue(aor, out var list)) return [];
            int count = 0;
            foreach (var b in list)
                if (b.ExpiresAt > now) count++;
            if (count == 0) return [];
            live = new RegistrationBinding[count];
            int i = 0;
            foreach (var b in list)
                if (b.ExpiresAt > now) live[i++] = b;
        }
        // At most MaxContactsPerAor entries, usually one: an insertion sort allocates nothing.
        for (int i = 1; i < live.Length; i++)
        {
            var item = live[i];
            int j = i - 1;
            while (j >= 0 && ComesBefore(item, live[j]))
            {
                live[j + 1] = live[j];
                j--;
            }
            live[j + 1] = item;
        }
        return live;
    }

    private static bool ComesBefore(RegistrationBinding a, RegistrationBinding b) =>
        a.Q > b.Q || a.Q == b.Q && a.RegisteredAt > b.RegisteredAt;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                int count = 0;
                foreach (var list in _bindings.Values) count += list.Count;
                return count;
            }
        }
    }

    /// <summary>
    /// Applies one REGISTER's changes atomically: <paramref name="decide"/> gets a fresh list of the current live
    /// bindings (it may change and return it) and returns the new list, or an abort. The returned list becomes the
    /// store's own: the decider must not keep it. <paramref name="state"/> spares a closure per request.
    /// </summary>
    internal RegistrarDecision Update<TState>(string aor, TState state,
        Func<List<RegistrationBinding>, TState, RegistrarDecision> decide)
    {
        var now = _time.GetUtcNow();
        RegistrarDecision decision;
        List<RegistrationEvent> events;
        lock (_lock)
        {
            _bindings.TryGetValue(aor, out var list);
            var live = new List<RegistrationBinding>(Math.Max(4, list?.Count ?? 0));
            if (list != null)
                foreach (var b in list)
                    if (b.ExpiresAt > now) live.Add(b);
            decision = decide(live, state);
            if (decision.Bindings == null) return decision;
            if (decision.Bindings.Count == 0) _bindings.Remove(aor);
            else _bindings[aor] = decision.Bindings;
            events = decision.Events;
        }
        Publish(events);
        return decision;
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        List<RegistrationEvent>? expired = null;
        lock (_lock)
        {
            List<string>? emptied = null;
            foreach (var (aor, list) in _bindings)
            {
                for (int i = list.Count - 1; i >= 0; i--)
                {
                    if (list[i].ExpiresAt > now) continue;
                    (expired ??= []).Add(new RegistrationEvent(RegistrationEventKind.Expired, list[i], now));
                    list.RemoveAt(i);
                }
                if (list.Count == 0) (emptied ??= []).Add(aor);
            }
            if (emptied != null) foreach (var aor in emptied) _bindings.Remove(aor);
        }
        if (expired != null) Publish(expired);
    }

    private void Publish(List<RegistrationEvent> events)
    {
        var handler = Changed;
        if (handler == null) return;
        foreach (var e in events) handler(e);
    }

    public void Dispose() => _sweep.Dispose();
}
