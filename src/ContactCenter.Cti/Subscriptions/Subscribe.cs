using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Webhooks;
using ContactCenter.Events;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Subscriptions;

/// <summary>
/// <c>POST /cti/v1/subscribe</c> (CTI-01, CTI-04, CTI-06): the events wanted, by type or category (<c>call.*</c>),
/// agents, services and media, delivered on the channel or to a webhook. An agent token's subscription only ever sees
/// events about its own agent, and may only use the channel.
/// </summary>
public sealed class Subscribe(
    SubscriptionStore subscriptions,
    IEventBus events,
    WebhookSecrets secrets,
    WebhookOutbox outbox,
    IOptions<CtiOptions> options)
    : ICtiCommand<Subscribe.Request, Subscribe.Response>
{
    private const int MaxFilterEntries = 100;
    private const int MaxIdLength = 128;
    private const int MaxUrlLength = 2048;

    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("subscribe", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Subscribes to events by type or category (call.*), agents, services and media; delivery on the channel (SSE) or by signed webhook.");

    /// <summary>What to receive and how. Empty lists accept everything.</summary>
    public sealed record Request(
        IReadOnlyList<string>? Types = null,
        IReadOnlyList<string>? Agents = null,
        IReadOnlyList<string>? Services = null,
        IReadOnlyList<string>? Media = null,
        CtiDelivery Delivery = CtiDelivery.Channel,
        WebhookTarget? Webhook = null);

    /// <summary>Where a webhook goes and the secret it is signed with (generated when omitted).</summary>
    public sealed record WebhookTarget(string Url, string? Secret = null);

    /// <summary>The subscription, and the webhook secret when the server generated it (shown this once).</summary>
    public sealed record Response(SubscriptionView Subscription, string? WebhookSecret);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Execute(request, context.Caller));

    private CtiResult<Response> Execute(Request request, CtiCaller caller)
    {
        var types = request.Types ?? [];
        var agents = request.Agents ?? [];
        var services = request.Services ?? [];
        var media = request.Media ?? [];
        if ((CheckList("types", types) ?? CheckList("agents", agents) ?? CheckList("services", services) ?? CheckList("media", media)) is { } listProblem)
            return listProblem;
        try
        {
            _ = new EventFilter { Types = types };
        }
        catch (ArgumentException e)
        {
            return CtiProblem.InvalidField("types", e.Message.Split(" (Parameter", 2)[0]);
        }

        if (caller.IsAgent)
        {
            if (agents.Any(a => !caller.MayActFor(a)))
                return CtiProblem.Forbidden("An agent token may only subscribe to events about its own agent.", "agent_scope_violation");
            if (request.Delivery == CtiDelivery.Webhook)
                return CtiProblem.Forbidden("An agent token receives events on the channel only.", "webhook_not_permitted");
        }

        string? protectedSecret = null, generatedSecret = null, url = null;
        if (request.Delivery == CtiDelivery.Webhook)
        {
            if (request.Webhook is not { } target)
                return CtiProblem.InvalidField("webhook", "delivery 'webhook' needs webhook.url (and optionally webhook.secret).", "missing_field");
            if (target.Url.Length > MaxUrlLength || !Uri.TryCreate(target.Url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
                return CtiProblem.InvalidField("webhook.url", "webhook.url must be an absolute http(s) URL without user info, at most 2048 characters.");
            if (target.Secret is { } given && (given.Length < WebhookSecrets.MinLength || given.Length > WebhookSecrets.MaxLength))
                return CtiProblem.InvalidField("webhook.secret",
                    $"webhook.secret must have {WebhookSecrets.MinLength} to {WebhookSecrets.MaxLength} characters; omit it to get a generated one.");
            string secret = target.Secret ?? (generatedSecret = WebhookSecrets.Generate());
            protectedSecret = secrets.Protect(secret);
            url = uri.AbsoluteUri;
        }
        else if (request.Webhook is not null)
        {
            return CtiProblem.InvalidField("webhook", "webhook is only for delivery 'webhook'.");
        }

        if (subscriptions.Count(caller.TokenId) >= options.Value.MaxSubscriptionsPerToken)
            return CtiProblem.Conflict("subscription_limit_reached",
                $"This token already holds {options.Value.MaxSubscriptionsPerToken} subscriptions; unsubscribe some first.");

        var subscription = new CtiSubscription
        {
            Id = ApiTokenSecret.NewId("sub_"),
            OwnerTokenId = caller.TokenId,
            OwnerAgentId = caller.IsAgent ? caller.AgentId : null,
            Types = types,
            Agents = caller.IsAgent ? [caller.AgentId!] : agents,
            Services = services,
            Media = media,
            Delivery = request.Delivery,
            WebhookUrl = url,
            ProtectedWebhookSecret = protectedSecret,
            Active = true,
            CreatedAt = subscriptions.Now(),
            CreatedStreamId = events.StreamId,
            CreatedSeq = events.CurrentSeq,
        };
        subscriptions.Insert(subscription);
        if (subscription.Delivery == CtiDelivery.Webhook)
            subscription = subscription with { CreatedSeq = outbox.Register(subscription) };
        return new Response(SubscriptionView.From(subscription), generatedSecret);
    }

    private static CtiProblem? CheckList(string field, IReadOnlyList<string> values)
    {
        if (values.Count > MaxFilterEntries)
            return CtiProblem.InvalidField(field, $"{field} may list at most {MaxFilterEntries} entries.");
        for (int i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]) || values[i].Length > MaxIdLength)
                return CtiProblem.InvalidField($"{field}[{i}]", $"Entries of {field} must be 1 to {MaxIdLength} characters.");
        }
        return null;
    }
}
