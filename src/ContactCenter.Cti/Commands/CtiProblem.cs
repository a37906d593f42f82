namespace ContactCenter.Cti.Commands;

/// <summary>
/// An expected failure, written as RFC 9457 problem details with a stable <see cref="Code"/> clients can switch on
/// (the title and detail are for humans and may change).
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Code">Stable snake_case code: <c>invalid_field</c>, <c>call_not_found</c>, <c>invalid_state_transition</c>…</param>
/// <param name="Title">A short human summary of the code.</param>
/// <param name="Detail">What exactly went wrong this time.</param>
public sealed record CtiProblem(int Status, string Code, string Title, string Detail)
{
    /// <summary>The request field at fault (JSON path without <c>$.</c>, or query parameter), for 400s.</summary>
    public string? Field { get; init; }

    /// <summary>More members for the problem object (e.g. <c>current_state</c> for a 409, <c>commands</c> for a 404).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>400 about one field: malformed, missing, of the wrong type, out of range, or unknown.</summary>
    public static CtiProblem InvalidField(string field, string detail, string code = "invalid_field") =>
        new(StatusCodes.Status400BadRequest, code, "A request field is invalid.", detail) { Field = field };

    /// <summary>400 for a body that is not JSON at all.</summary>
    public static CtiProblem MalformedJson(string detail, string? field = null) =>
        new(StatusCodes.Status400BadRequest, "malformed_json", "The request body is not valid JSON.", detail) { Field = field };

    /// <summary>404 for a thing the command names that does not exist.</summary>
    public static CtiProblem NotFound(string code, string detail) =>
        new(StatusCodes.Status404NotFound, code, "Not found.", detail);

    /// <summary>409: the thing exists but is in a state that does not allow the command; says the state.</summary>
    public static CtiProblem Conflict(string code, string detail, string? currentState = null) =>
        new(StatusCodes.Status409Conflict, code, "The command conflicts with the current state.", detail)
        {
            Extensions = currentState is null ? null : new Dictionary<string, object?> { ["current_state"] = currentState },
        };

    /// <summary>401: no token, or not a valid one.</summary>
    public static CtiProblem Unauthorized(string detail) =>
        new(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication is required.", detail);

    /// <summary>403: the token's role or scope does not allow this.</summary>
    public static CtiProblem Forbidden(string detail, string code = "forbidden") =>
        new(StatusCodes.Status403Forbidden, code, "Not allowed for this token.", detail);
}
