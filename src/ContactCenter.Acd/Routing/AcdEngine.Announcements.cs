using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Routing;

// Queue announcements: every interval of the service while an interaction waits, its position and expected wait go to
// its channel to be told to the customer. The chain of timers restarts whenever it (re)enters a queue.
public sealed partial class AcdEngine
{
    private void ScheduleAnnouncement(ServiceQueue queue, Interaction interaction)
    {
        interaction.AnnounceToken = ++_tokens;
        var announcements = queue.Definition.Announcements;
        if (!announcements.Any) return;
        Schedule(Now.AddSeconds(announcements.IntervalSeconds), new TimerEntry(TimerKind.Announcement, interaction.Id, interaction.AnnounceToken));
    }

    private void OnAnnouncementTimer(TimerEntry timer)
    {
        if (!_interactions.TryGetValue(timer.Id, out var interaction) || interaction.AnnounceToken != timer.Token
            || interaction.State != InteractionState.Queued || !_queues.TryGetValue(interaction.ServiceId, out var queue))
            return;
        var announcements = queue.Definition.Announcements;
        if (!announcements.Any) return;
        int position = queue.PositionOf(interaction);
        _delivery.Announce(new WaitAnnouncement(interaction.Id, interaction.CallId, queue.Id,
            announcements.Position ? position : null,
            announcements.ExpectedWait ? ExpectedWaitSeconds(queue, position) : null));
        Schedule(Now.AddSeconds(announcements.IntervalSeconds), timer);
    }

    /// <summary>
    /// A plain estimate: position × the service's average handling time today ÷ its members taking work (available,
    /// busy or wrapping up; not paused). Null before anything was handled today or while nobody takes work.
    /// </summary>
    private static int? ExpectedWaitSeconds(ServiceQueue queue, int position)
    {
        if (queue.Today.Handled == 0) return null;
        int working = 0;
        foreach (var member in queue.Members)
            if (member.Presence == AgentPresence.Available) working++;
        if (working == 0) return null;
        double handle = queue.Today.HandleSeconds / queue.Today.Handled;
        return (int)Math.Ceiling(position * handle / working);
    }
}
