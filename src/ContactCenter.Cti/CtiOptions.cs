namespace ContactCenter.Cti;

/// <summary>
/// Settings of the CTI API, bound from <c>ContactCenter:Cti</c>. Every limit here bounds memory or work a client can
/// cause, so none may be switched off.
/// </summary>
public sealed class CtiOptions
{
    /// <summary>The configuration section, under the server's <c>ContactCenter</c> section.</summary>
    public const string SectionName = "ContactCenter:Cti";

    /// <summary>
    /// Where the first admin token is written and the Data Protection key ring is kept; the host sets it to its data
    /// directory (mode 0700).
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Largest <c>client_data</c> accepted, in bytes of its JSON text (CTI-07).</summary>
    public int ClientDataMaxBytes { get; set; } = 4096;

    /// <summary>Largest command body accepted, in bytes.</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Requests each token may make per second, on average (token bucket).</summary>
    public int RateLimitPermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a token may make in a burst above its average.</summary>
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>Subscriptions one token may hold at once.</summary>
    public int MaxSubscriptionsPerToken { get; set; } = 100;

    /// <summary>How often an idle channel sends a heartbeat.</summary>
    public TimeSpan ChannelHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a channel client may take to accept one batch of data before the server drops the connection (a dead
    /// peer whose TCP buffers are full, or one that stopped reading). It reconnects with its position and loses nothing.
    /// </summary>
    public TimeSpan ChannelSendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a one-time channel ticket (<c>create_channel_ticket</c>, for browsers) may wait to be used.</summary>
    public TimeSpan ChannelTicketLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Webhook delivery settings.</summary>
    public CtiWebhookOptions Webhooks { get; set; } = new();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
            throw new InvalidOperationException($"{SectionName}:DataDirectory must be set (the host sets it to its data directory).");
        RequireRange(ClientDataMaxBytes, 2, 1024 * 1024, nameof(ClientDataMaxBytes));
        RequireRange(MaxRequestBodyBytes, 1024, 16 * 1024 * 1024, nameof(MaxRequestBodyBytes));
        RequireRange(RateLimitPermitsPerSecond, 1, 1_000_000, nameof(RateLimitPermitsPerSecond));
        RequireRange(RateLimitBurst, 1, 10_000_000, nameof(RateLimitBurst));
        RequireRange(MaxSubscriptionsPerToken, 1, 100_000, nameof(MaxSubscriptionsPerToken));
        if (ChannelHeartbeatInterval < TimeSpan.FromMilliseconds(10) || ChannelHeartbeatInterval > TimeSpan.FromMinutes(10))
            throw new InvalidOperationException($"{SectionName}:{nameof(ChannelHeartbeatInterval)} must be between 10 ms and 10 minutes.");
        if (ChannelSendTimeout < TimeSpan.FromMilliseconds(100) || ChannelSendTimeout > TimeSpan.FromHours(1))
            throw new InvalidOperationException($"{SectionName}:{nameof(ChannelSendTimeout)} must be between 100 ms and 1 hour.");
        if (ChannelTicketLifetime < TimeSpan.FromSeconds(1) || ChannelTicketLifetime > TimeSpan.FromMinutes(10))
            throw new InvalidOperationException($"{SectionName}:{nameof(ChannelTicketLifetime)} must be between 1 second and 10 minutes.");
        Webhooks.Validate();
    }

    internal static void RequireRange(long value, long min, long max, string name)
    {
        if (value < min || value > max)
            throw new InvalidOperationException($"{SectionName}:{name} must be between {min} and {max}, not {value}.");
    }
}
