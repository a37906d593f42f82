using ContactCenter.Acd;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd;

/// <summary>RFC 9457 problem details for ACD errors, with the error's stable <c>code</c> as an extension.</summary>
public static class AcdProblems
{
    public static ProblemHttpResult From(AcdError error) => TypedResults.Problem(
        title: Title(error.Kind),
        detail: error.Message,
        statusCode: error.Kind switch
        {
            AcdErrorKind.NotFound => StatusCodes.Status404NotFound,
            AcdErrorKind.Conflict => StatusCodes.Status409Conflict,
            AcdErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        extensions: new Dictionary<string, object?> { ["code"] = error.Code });

    public static ProblemHttpResult Invalid(string message) => From(AcdErrors.Invalid(message));

    private static string Title(AcdErrorKind kind) => kind switch
    {
        AcdErrorKind.NotFound => "Not found",
        AcdErrorKind.Conflict => "Conflict with the current state",
        AcdErrorKind.Forbidden => "Not permitted",
        _ => "Invalid request",
    };
}
