using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace ContactCenter.Cti.Commands;

/// <summary>Writes a <see cref="CtiProblem"/> as <c>application/problem+json</c> with <c>code</c>, <c>request_id</c> and the echoed <c>client_data</c>.</summary>
public static class CtiProblemWriter
{
    /// <summary>The problem as a result.</summary>
    public static IResult ToResult(HttpContext context, CtiProblem problem, JsonElement? clientData) =>
        TypedResults.Problem(ToProblemDetails(context, problem, clientData));

    /// <summary>Writes the problem to the response now.</summary>
    public static Task WriteAsync(HttpContext context, CtiProblem problem, JsonElement? clientData) =>
        ToResult(context, problem, clientData).ExecuteAsync(context);

    /// <summary>The RFC 9457 object.</summary>
    public static ProblemDetails ToProblemDetails(HttpContext context, CtiProblem problem, JsonElement? clientData)
    {
        var details = new ProblemDetails
        {
            Status = problem.Status,
            Title = problem.Title,
            Detail = problem.Detail,
            Type = "urn:contactcenter:problem:" + problem.Code,
            Instance = context.Request.Path,
        };
        details.Extensions["code"] = problem.Code;
        details.Extensions["request_id"] = CtiRequestIds.Get(context);
        if (problem.Field is not null)
            details.Extensions["field"] = problem.Field;
        if (clientData is { } data)
            details.Extensions["client_data"] = data;
        if (problem.Extensions is not null)
        {
            foreach (var (key, value) in problem.Extensions)
                details.Extensions[key] = value;
        }
        return details;
    }
}
