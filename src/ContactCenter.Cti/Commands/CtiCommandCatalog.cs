using Microsoft.Net.Http.Headers;

namespace ContactCenter.Cti.Commands;

/// <summary>Answers requests that reach <c>/cti/v1/{command}</c> without a command to run: 404 listing the commands, or 405 with <c>Allow</c>.</summary>
internal sealed class CtiCommandCatalog(IReadOnlyList<CtiCommandRegistration> commands)
{
    private readonly IReadOnlyList<string> _names = commands.Select(c => c.Info.Name).Append("channel").Order(StringComparer.Ordinal).ToList();

    public IResult AnswerUnroutable(HttpContext http, string command)
    {
        var known = commands.FirstOrDefault(c => c.Info.Name == command);
        if (known is null)
        {
            return CtiProblemWriter.ToResult(http, new CtiProblem(StatusCodes.Status404NotFound, "unknown_command", "No such command.",
                $"'{command}' is not a CTI command; see 'commands' for the list.")
            {
                Extensions = new Dictionary<string, object?> { ["commands"] = _names },
            }, null);
        }
        string allowed = known.Info.Method == CtiCommandMethod.Get ? HttpMethods.Get : HttpMethods.Post;
        if (HttpMethods.Equals(http.Request.Method, allowed))
        {
            // The right method reaches here only when routing refused the body's Content-Type (the command accepts JSON).
            return CtiProblemWriter.ToResult(http, new CtiProblem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "The request body must be JSON.", $"Content-Type '{http.Request.ContentType}' is not application/json."), null);
        }
        http.Response.Headers[HeaderNames.Allow] = allowed;
        return CtiProblemWriter.ToResult(http, new CtiProblem(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "Wrong HTTP method.",
            $"'{command}' is called with {allowed} ({(known.Info.Method == CtiCommandMethod.Get ? "a query" : "an action")}), not {http.Request.Method}.")
        {
            Extensions = new Dictionary<string, object?> { ["allowed_method"] = allowed },
        }, null);
    }
}
