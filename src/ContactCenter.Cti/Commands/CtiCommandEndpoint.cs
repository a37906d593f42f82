using ContactCenter.Cti.Authentication;
using ContactCenter.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Commands;

/// <summary>The one request pipeline every command goes through: read, authorize the caller, run, write.</summary>
internal static class CtiCommandEndpoint<TCommand, TRequest, TResponse>
    where TCommand : class, ICtiCommand<TRequest, TResponse>
    where TRequest : notnull
{
    public static async Task HandleAsync(HttpContext http)
    {
        var result = await RunAsync(http);
        await result.ExecuteAsync(http);
    }

    private static async Task<IResult> RunAsync(HttpContext http)
    {
        string requestId = CtiRequestIds.Get(http);
        var options = http.RequestServices.GetRequiredService<IOptions<CtiOptions>>().Value;
        var read = TCommand.Info.Method == CtiCommandMethod.Get
            ? CtiRequestReader.FromQuery<TRequest>(http.Request.Query, options)
            : await CtiRequestReader.FromBodyAsync<TRequest>(http.Request, options, http.RequestAborted);
        if (read.Problem is { } readProblem)
            return CtiProblemWriter.ToResult(http, readProblem, read.ClientData);

        // The endpoint's policy already admitted the principal; a principal from another scheme has no CTI identity.
        var caller = CtiCaller.From(http.User);
        if (caller is null)
            return CtiProblemWriter.ToResult(http, CtiProblem.Unauthorized("This command needs a CTI bearer token."), read.ClientData);

        var command = http.RequestServices.GetRequiredService<TCommand>();
        var context = new CtiCommandContext(http, requestId, caller, read.ClientData, http.RequestServices.GetRequiredService<IEventBus>());
        CtiResult<TResponse> outcome;
        try
        {
            outcome = await command.ExecuteAsync(read.Request!, context, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the client is gone; nothing to answer
        }
        catch (Exception e)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ContactCenter.Cti.Commands")
                .LogError(e, "Command {Command} failed (request {RequestId})", TCommand.Info.Name, requestId);
            return CtiProblemWriter.ToResult(http, new CtiProblem(StatusCodes.Status500InternalServerError, "internal_error",
                "The command failed inside the server.", $"Quote request_id {requestId} when reporting this."), read.ClientData);
        }

        if (outcome.Raw is { } raw)
            return raw;
        if (outcome.Problem is { } problem)
            return CtiProblemWriter.ToResult(http, problem, read.ClientData);
        return TypedResults.Json(new CtiResponse<TResponse>(requestId, read.ClientData, outcome.Value!), CtiJson.Options);
    }
}
