using ContactCenter.Acd.Configuration;

namespace ContactCenter.Acd.Interactions;

/// <summary>A channel asks the ACD to route an interaction: a voice call (with its call id), a chat, an e-mail, an SMS.</summary>
/// <param name="Id">The interaction id; unique among active interactions (the call id works for voice).</param>
/// <param name="ServiceId">The service to queue in (use <c>AcdConfiguration.ServicesByEntryPoint</c> to map a DID).</param>
public sealed record NewInteraction(string Id, string ServiceId, MediaType Media, string? CallId = null, CustomerData? Customer = null);
