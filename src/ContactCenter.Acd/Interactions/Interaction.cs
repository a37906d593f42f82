using ContactCenter.Acd.Configuration;

namespace ContactCenter.Acd.Interactions;

/// <summary>
/// One interaction as the engine tracks it. Mutable, and touched only on the routing loop (the engine's owner), so
/// it needs no locks.
/// </summary>
public sealed class Interaction
{
    internal Interaction(NewInteraction request, long sequence, DateTimeOffset now)
    {
        Id = request.Id;
        ServiceId = request.ServiceId;
        FirstServiceId = request.ServiceId;
        Media = request.Media;
        CallId = request.CallId;
        Customer = request.Customer ?? CustomerData.None;
        Sequence = sequence;
        ArrivedAt = now;
        QueuedAt = now;
        LineSince = now;
    }

    public string Id { get; }

    /// <summary>The service it is queued in or was answered from (changes on overflow and transfer).</summary>
    public string ServiceId { get; internal set; }

    public string FirstServiceId { get; }

    public MediaType Media { get; }

    public string? CallId { get; }

    public CustomerData Customer { get; }

    /// <summary>Arrival order, to break ties.</summary>
    public long Sequence { get; }

    public DateTimeOffset ArrivedAt { get; }

    /// <summary>When it entered its current queue; its place in line and the wait the service level measures.</summary>
    public DateTimeOffset QueuedAt { get; internal set; }

    /// <summary>
    /// Where it stands in line and how far its priority has aged: when it entered its current queue, except that a
    /// transfer keeps the time it first queued (a transferred customer does not go to the back of the line).
    /// </summary>
    public DateTimeOffset LineSince { get; internal set; }

    public InteractionState State { get; internal set; }

    public string? AgentId { get; internal set; }

    public DateTimeOffset? OfferedAt { get; internal set; }

    public DateTimeOffset? ConnectedAt { get; internal set; }

    public DateTimeOffset? EndedAt { get; internal set; }

    public string? Disposition { get; internal set; }

    /// <summary>Digital work waiting on the customer: it does not take the agent's capacity (ACD-05).</summary>
    public bool Pending { get; internal set; }

    /// <summary>Agents who rejected it or let it ring out in its current queue: it is not offered to them again there.</summary>
    internal HashSet<string> Declined { get; } = new(StringComparer.Ordinal);

    /// <summary>Changes at every offer, so a timer armed for an older offer recognises it is stale.</summary>
    internal long OfferToken { get; set; }

    /// <summary>Changes at every queue entry, so a stale max-wait timer does nothing.</summary>
    internal long QueueToken { get; set; }

    /// <summary>Changes whenever its announcements are (re)started, so a stale announcement timer does nothing.</summary>
    internal long AnnounceToken { get; set; }

    /// <summary>The number of times it was transferred or released to a service or agent.</summary>
    public int Transfers { get; internal set; }

    /// <summary>The number of agents it was offered to.</summary>
    public int Offers { get; internal set; }

    public override string ToString() => $"{Id} ({Media.Name()}, {ServiceId}, {State})";
}
