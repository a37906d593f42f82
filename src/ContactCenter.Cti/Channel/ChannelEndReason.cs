namespace ContactCenter.Cti.Channel;

/// <summary>Why the server ended a channel connection (the WebSocket channel turns it into a close code).</summary>
public enum ChannelEndReason
{
    /// <summary>Still open, or ended by the client or the server's shutdown.</summary>
    None,

    /// <summary>A newer connection for the same subscription took the channel over.</summary>
    TakenOver,

    /// <summary>The subscription was deleted.</summary>
    Unsubscribed,
}
