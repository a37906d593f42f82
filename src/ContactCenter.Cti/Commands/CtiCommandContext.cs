using System.Text.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Events;

namespace ContactCenter.Cti.Commands;

/// <summary>What a command knows about the request besides its parameters.</summary>
public sealed class CtiCommandContext
{
    internal CtiCommandContext(HttpContext httpContext, string requestId, CtiCaller caller, JsonElement? clientData, IEventBus events)
    {
        HttpContext = httpContext;
        RequestId = requestId;
        Caller = caller;
        ClientData = clientData;
        Events = events;
    }

    /// <summary>The HTTP request (headers, ranges…); most commands never need it.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The <c>request_id</c> of the response.</summary>
    public string RequestId { get; }

    /// <summary>The token calling: role and, for an agent, its agent id. Agent commands must check <see cref="CtiCaller.MayActFor"/>.</summary>
    public CtiCaller Caller { get; }

    /// <summary>
    /// The request's <c>client_data</c> (already size-checked), or null. Hand it to every event the command causes,
    /// also to events published later by the engine on the command's behalf (CTI-07).
    /// </summary>
    public JsonElement? ClientData { get; }

    /// <summary>The event bus.</summary>
    public IEventBus Events { get; }

    /// <summary>Publishes an event caused by this command, carrying its <c>client_data</c>.</summary>
    public EventEnvelope Publish(string type, object? payload = null, EventSubject subject = default) =>
        Events.Publish(type, payload, subject, ClientData);
}
