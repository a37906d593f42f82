namespace ContactCenter.TestPeers;

/// <summary>baresip's reply to one command: <c>{"response":true,"ok":true,"data":"…","token":"…"}</c>.</summary>
public sealed record BaresipResponse(bool Ok, string Data, string? Token);
