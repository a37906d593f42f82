using ContactCenter.Events;

namespace ContactCenter.Cti.Channel;

/// <summary>Where an authorized channel connection starts: replay from <see cref="FromSeq"/>, or tell the client <see cref="Resync"/> first.</summary>
/// <param name="SubscriptionId">The subscription delivered.</param>
/// <param name="Filter">Its events.</param>
/// <param name="FromSeq">The first seq to deliver, when the position is known.</param>
/// <param name="Resync">The <c>resync_required</c> reason to start with, when it is not.</param>
/// <param name="LastEventId">The position the client gave, if any.</param>
internal sealed record ChannelStart(string SubscriptionId, EventFilter Filter, long? FromSeq, string? Resync, long? LastEventId);
