using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Server.SipHosting;
using ContactCenter.Telephony.Calls;
using CallAnswerMode = ContactCenter.Telephony.Calls.AnswerMode;

namespace ContactCenter.Server.Acd;

/// <summary>
/// Voice for the ACD: the call engine's queue hook (<see cref="ICallQueue"/>: DIDs that are ACD entry points are
/// answered and queued; offers' outcomes are reported) and the ACD's delivery port (<see cref="IInteractionDelivery"/>:
/// offer a queued call to an agent's extension, connect on accept, withdraw, release). The interaction id is the call
/// id. Both directions only post: the ACD loop and the calls' queues never wait on each other.
/// </summary>
internal sealed class AcdVoiceBridge(IServiceProvider services, ILogger<AcdVoiceBridge> logger) : ICallQueue, IInteractionDelivery
{
    // The extension each pending offer rings (the agent's login extension), for Connect.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _offeredExtension = new(StringComparer.Ordinal);

    // Resolved on first use: the ACD runtime needs this bridge to be built, and the SIP host starts after both.
    private AcdRuntime Acd => services.GetRequiredService<AcdRuntime>();

    private IReadOnlyList<CallEngine> Engines => services.GetRequiredService<SipHostedService>().CallEngines;

    public string? ServiceForNumber(string dialled, string? e164)
    {
        var entryPoints = Acd.Configuration.ServicesByEntryPoint;
        if (entryPoints.TryGetValue(dialled, out var service) || (e164 is not null && entryPoints.TryGetValue(e164, out service)))
            return service.Media == MediaType.Voice ? service.Id : null;
        return null;
    }

    public void Enqueued(QueuedCall call) =>
        Report(call.CallId, Acd.EnqueueAsync(new NewInteraction(call.CallId, call.ServiceId, MediaType.Voice, call.CallId,
            new CustomerData(call.Caller, null, Fields(call)))), onRefused: () => Release(call.CallId, ReleaseReason.MaxWaitWithoutOverflow));

    public void OfferAnswered(string callId, string agentId)
    {
        _offeredExtension.TryRemove(callId, out _);
        Report(callId, Acd.OfferAcceptedAsync(callId, agentId));
    }

    public void OfferFailed(string callId, string agentId, bool rejected) =>
        Report(callId, rejected ? Acd.OfferRejectedAsync(callId, agentId) : Acd.OfferNotAnsweredAsync(callId, agentId));

    public void Abandoned(string callId)
    {
        _offeredExtension.TryRemove(callId, out _);
        Report(callId, Acd.CustomerAbandonedAsync(callId));
    }

    public void Ended(string callId)
    {
        _offeredExtension.TryRemove(callId, out _);
        Report(callId, Acd.InteractionEndedAsync(callId));
    }

    public void Offer(InteractionOffer offer)
    {
        if (FindEngine(offer.CallId ?? offer.InteractionId) is not { } engine)
        {
            _ = Acd.OfferNotAnsweredAsync(offer.InteractionId, offer.AgentId);
            return;
        }
        _offeredExtension[offer.InteractionId] = offer.Extension;
        var mode = offer.AnswerMode == ContactCenter.Acd.Configuration.AnswerMode.Automatic ? CallAnswerMode.Automatic : CallAnswerMode.Manual;
        _ = Continue(engine.OfferToAgentAsync(offer.InteractionId, offer.AgentId, offer.Extension, mode, offer.AnswerDelay, offer.Timeout, offer.Record),
            result =>
            {
                if (!result.Succeeded) _ = Acd.OfferNotAnsweredAsync(offer.InteractionId, offer.AgentId);
            });
    }

    public void Connect(string interactionId, string agentId)
    {
        if (FindEngine(interactionId) is not { } engine) return;
        // The phone the offer rang (where the agent logged in), else the agent's configured extension.
        string? extension = _offeredExtension.TryGetValue(interactionId, out var offered) ? offered
            : Acd.Configuration.Agents.TryGetValue(agentId, out var agent) ? agent.Extension : null;
        if (extension is null) return;
        _ = Continue(engine.AcceptOfferAsync(interactionId, agentId, extension), result => Log(interactionId, "connect", result));
    }

    public void Withdraw(string interactionId, string agentId, WithdrawReason reason)
    {
        if (FindEngine(interactionId) is { } engine)
            _ = Continue(engine.WithdrawOfferAsync(interactionId, agentId), result => Log(interactionId, "withdraw", result));
    }

    public void Release(string interactionId, ReleaseReason reason)
    {
        if (FindEngine(interactionId) is { } engine)
            _ = Continue(engine.ReleaseQueuedAsync(interactionId, reason.ToString()), result => Log(interactionId, "release", result));
    }

    public void Requeue(string interactionId, string serviceId, string? fromAgentId)
    {
        _offeredExtension.TryRemove(interactionId, out _);
        if (FindEngine(interactionId) is { } engine)
            _ = Continue(engine.RequeueAsync(interactionId, serviceId), result =>
            {
                // The ACD has already moved it: a call that cannot follow (it ended meanwhile) reports its end on its own.
                if (!result.Succeeded) logger.LogWarning("ACD requeue of call {CallId} to {Service} refused: {Code} {Message}",
                    interactionId, serviceId, result.Code, result.Message);
            });
    }

    public void Announce(WaitAnnouncement announcement)
    {
        if (FindEngine(announcement.CallId ?? announcement.InteractionId) is { } engine)
            _ = Continue(engine.AnnounceAsync(announcement.CallId ?? announcement.InteractionId, announcement.Position, announcement.ExpectedWaitSeconds),
                result => Log(announcement.InteractionId, "announce", result));
    }

    public bool Permits(string serviceId, CallPermission permission) =>
        !Acd.Configuration.Services.TryGetValue(serviceId, out var service) || permission switch
        {
            CallPermission.Consult => service.Permissions.Consult,
            CallPermission.Transfer => service.Permissions.Transfer,
            _ => service.Permissions.Conference,
        };

    private CallEngine? FindEngine(string callId)
    {
        foreach (var engine in Engines)
            if (engine.FindCall(callId) is not null) return engine;
        return null;
    }

    private static IReadOnlyDictionary<string, string> Fields(QueuedCall call)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["caller"] = call.Caller };
        if (call.Did is { } did) fields["did"] = did;
        if (call.Trunk is { } trunk) fields["trunk"] = trunk;
        return fields;
    }

    /// <summary>A report the ACD refused is logged (it no longer applies); a refused enqueue gives the call back.</summary>
    private void Report(string callId, Task<ContactCenter.Acd.AcdResult> report, Action? onRefused = null) =>
        _ = report.ContinueWith(t =>
        {
            if (t.IsFaulted) logger.LogError(t.Exception, "ACD report for call {CallId} failed", callId);
            else if (!t.Result.IsSuccess)
            {
                logger.LogInformation("ACD refused a report for call {CallId}: {Error}", callId, t.Result.Error);
                onRefused?.Invoke();
            }
        }, TaskScheduler.Default);

    private Task Continue(Task<CallCommandResult> command, Action<CallCommandResult> then) =>
        command.ContinueWith(t =>
        {
            if (t.IsFaulted) logger.LogError(t.Exception, "Call command failed");
            else then(t.Result);
        }, TaskScheduler.Default);

    private void Log(string callId, string what, CallCommandResult result)
    {
        if (!result.Succeeded) logger.LogInformation("ACD {What} for call {CallId}: {Code} {Message}", what, callId, result.Code, result.Message);
    }
}
