using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.OpenApi;
using ContactCenter.Cti.Snapshot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Cti.Hosting;

/// <summary>Maps the CTI API.</summary>
public static class CtiEndpointRouteBuilderExtensions
{
    /// <summary>The API's path prefix.</summary>
    public const string Prefix = "/cti/v1";

    /// <summary>
    /// Adds the rate limiter to the pipeline and maps every registered command at <c>/cti/v1/{name}</c>, the channel
    /// at <c>/cti/v1/channel/{subscription}</c> (SSE) and <c>/cti/v1/channel/{subscription}/ws</c> (WebSocket), 404/405 problem answers for unknown commands and wrong methods, and
    /// the OpenAPI document with its interactive page.
    /// </summary>
    public static WebApplication MapCti(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseWebSockets();
        var commands = app.Services.GetServices<CtiCommandRegistration>().ToList();
        var duplicate = commands.GroupBy(c => c.Info.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two CTI commands are named '{duplicate.Key}': {string.Join(", ", duplicate.Select(c => c.CommandType.FullName))}.");
        var sections = app.Services.GetServices<ICtiSnapshotContributor>().GroupBy(c => c.Section).FirstOrDefault(g => g.Count() > 1);
        if (sections is not null)
            throw new InvalidOperationException($"Two snapshot contributors provide section '{sections.Key}'.");

        var group = app.MapGroup(Prefix).RequireRateLimiting(CtiRateLimiting.PolicyName).WithTags("CTI");
        foreach (var command in commands.OrderBy(c => c.Info.Name, StringComparer.Ordinal))
            CtiCommandRouting.Map(group, command);

        group.MapGet("/channel/{subscription}", ChannelEndpoint.HandleAsync)
            .RequireAuthorization(CtiPolicies.Agent)
            .WithMetadata(new ChannelTicketAuthentication())
            .WithName("channel")
            .WithSummary("The persistent event channel of a subscription, as Server-Sent Events; resume with Last-Event-ID. " +
                "Browsers (no Authorization header on EventSource) open it with a one-time ?ticket= from create_channel_ticket.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/channel/{subscription}/ws", WebSocketChannelEndpoint.HandleAsync)
            .RequireAuthorization(CtiPolicies.Agent)
            .WithMetadata(new ChannelTicketAuthentication())
            .WithName("channel_websocket")
            .WithSummary("The persistent event channel of a subscription, as a WebSocket: one JSON text message per event envelope, " +
                "plus heartbeat and resync_required messages; resume with ?last_event_id=; browsers authenticate with a one-time ?ticket= from create_channel_ticket. Close codes: 1000 (answer to the client's close), " +
                "1001 server_stopping, 1008 unexpected_message, 1011 internal_error, 4000 taken_over, 4001 unsubscribed.")
            .Produces(StatusCodes.Status101SwitchingProtocols)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status426UpgradeRequired);

        var catalog = new CtiCommandCatalog(commands);
        group.Map("/{command}", catalog.AnswerUnroutable)
            .RequireAuthorization(CtiPolicies.Agent)
            .ExcludeFromDescription();

        app.MapCtiOpenApi();
        return app;
    }
}
