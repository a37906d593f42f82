namespace ContactCenter.TestPeers;

/// <summary>
/// An event baresip pushed on ctrl_tcp, e.g.
/// <c>{"event":true,"type":"CALL_ESTABLISHED","class":"call","accountaor":"sip:alice@…",
/// "direction":"outgoing","peeruri":"sip:…","id":"626694f35f919c61","param":"…"}</c>.
/// </summary>
public sealed record BaresipEvent
{
    /// <summary>1 for the first event on this connection, then counting up.</summary>
    public required long Sequence { get; init; }

    /// <summary>See <see cref="BaresipEventTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>"call", "register", "other", …</summary>
    public string? Class { get; init; }

    public string? AccountAor { get; init; }

    /// <summary>"incoming" or "outgoing" for call events.</summary>
    public string? Direction { get; init; }

    public string? PeerUri { get; init; }

    /// <summary>baresip's call id (not the SIP Call-ID), present once a call has one.</summary>
    public string? CallId { get; init; }

    /// <summary>Free text: the reason for CALL_CLOSED, the status for REGISTER_FAIL, …</summary>
    public string? Parameter { get; init; }

    /// <summary>The event as received.</summary>
    public required string Json { get; init; }

    public override string ToString() =>
        $"#{Sequence} {Type}{(CallId is null ? "" : $" call {CallId}")}{(Parameter is null ? "" : $" ({Parameter})")}";
}
