using System.Collections.Frozen;

namespace ContactCenter.Events;

/// <summary>
/// Which events a subscriber wants (CTI-01). Each dimension left empty accepts everything; a dimension
/// that lists values accepts an event whose id is one of them (an event without that id is rejected);
/// dimensions combine with AND. Ids compare ordinally. Immutable once built, so the publisher can
/// evaluate it on its own thread.
/// </summary>
/// <example><code>new EventFilter { Types = ["call.*", "agent.state_changed"], ServiceIds = ["sales"] }</code></example>
public sealed class EventFilter
{
    private FrozenSet<string>? _exactTypes;
    private string[] _typePrefixes = [];
    private bool _anyType = true;
    private FrozenSet<string>? _agentIds;
    private FrozenSet<string>? _serviceIds;
    private FrozenSet<string>? _media;

    /// <summary>Accepts every event.</summary>
    public static EventFilter All { get; } = new();

    /// <summary>
    /// Type names ("registration.added"), categories ending in ".*" ("call.*" matches "call.offered" and
    /// "call.leg.added"), or "*" for every type.
    /// </summary>
    /// <exception cref="ArgumentException">An entry is not a valid type name or pattern.</exception>
    public IReadOnlyList<string> Types
    {
        get;
        init
        {
            field = Copy(value, nameof(Types));
            CompileTypes(field);
        }
    } = [];

    /// <summary>Agent ids; when given, only events about one of these agents.</summary>
    public IReadOnlyList<string> AgentIds
    {
        get;
        init => _agentIds = ToSet(field = Copy(value, nameof(AgentIds)));
    } = [];

    /// <summary>Service ids; when given, only events about one of these services.</summary>
    public IReadOnlyList<string> ServiceIds
    {
        get;
        init => _serviceIds = ToSet(field = Copy(value, nameof(ServiceIds)));
    } = [];

    /// <summary>Media types ("voice", "chat", ...); when given, only events of these media.</summary>
    public IReadOnlyList<string> Media
    {
        get;
        init => _media = ToSet(field = Copy(value, nameof(Media)));
    } = [];

    /// <summary>Whether the subscriber wants <paramref name="envelope"/>.</summary>
    public bool Matches(EventEnvelope envelope) =>
        MatchesType(envelope.Type)
        && MatchesId(_agentIds, envelope.AgentId)
        && MatchesId(_serviceIds, envelope.ServiceId)
        && MatchesId(_media, envelope.Media);

    private bool MatchesType(string type)
    {
        if (_anyType || _exactTypes!.Contains(type))
            return true;
        foreach (string prefix in _typePrefixes)
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool MatchesId(FrozenSet<string>? wanted, string? id) =>
        wanted is null || (id is not null && wanted.Contains(id));

    private void CompileTypes(IReadOnlyList<string> patterns)
    {
        var exact = new List<string>();
        var prefixes = new List<string>();
        bool any = patterns.Count == 0;
        foreach (string pattern in patterns)
        {
            if (pattern == "*")
                any = true;
            else if (pattern.EndsWith(".*", StringComparison.Ordinal) && EventTypeName.IsValid(pattern.AsSpan(0, pattern.Length - 2)))
                prefixes.Add(pattern[..^1]); // keep the dot: "call." must not match "callback.x"
            else if (EventTypeName.IsValid(pattern))
                exact.Add(pattern);
            else
                throw new ArgumentException(
                    $"Event type pattern '{pattern}' is invalid: use a type name such as 'call.offered', " +
                    "a category such as 'call.*', or '*'.",
                    nameof(Types));
        }
        _anyType = any;
        _exactTypes = exact.ToFrozenSet(StringComparer.Ordinal);
        _typePrefixes = [.. prefixes];
    }

    // A private read-only copy: changing the caller's list later cannot change what the filter matches.
    private static IReadOnlyList<string> Copy(IReadOnlyList<string>? values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var copy = values.ToArray();
        foreach (string? value in copy)
        {
            if (string.IsNullOrEmpty(value))
                throw new ArgumentException($"{name} must not contain null or empty entries.", name);
        }
        return Array.AsReadOnly(copy);
    }

    private static FrozenSet<string>? ToSet(IReadOnlyList<string> values) =>
        values.Count == 0 ? null : values.ToFrozenSet(StringComparer.Ordinal);
}
