using ContactCenter.Acd;
using ContactCenter.Cti.Commands;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Server.Cti;

/// <summary>
/// Engine and ACD refusals as CTI problems with stable codes: unknown things 404, the wrong state 409 with
/// <c>current_state</c>, bad arguments 400 naming the field.
/// </summary>
public static class CtiCallProblems
{
    /// <summary>The wire name of a call state: "talking", "queued".</summary>
    public static string StateName(CallState state) => state.ToString().ToLowerInvariant();

    public static CtiProblem From(CallCommandResult result, string? field = null)
    {
        string detail = result.Message ?? "The call refused the command.";
        string? state = result.State is { } s ? StateName(s) : null;
        return result.Code switch
        {
            "call_not_found" => CtiProblem.NotFound("call_not_found", detail),
            "party_not_found" or "destination_not_found" or "transfer_target_not_found" or "extension_not_found" =>
                CtiProblem.NotFound(result.Code, detail),
            "invalid_call_state" => CtiProblem.Conflict("invalid_state_transition", detail, state),
            "no_offer" => CtiProblem.Conflict("no_pending_offer", detail, state),
            "invalid_digits" or "invalid_argument" => CtiProblem.InvalidField(field ?? "$", detail),
            "engine_overloaded" => new CtiProblem(StatusCodes.Status503ServiceUnavailable, "engine_overloaded", "The server is busy.", detail),
            "recording_failed" => new CtiProblem(StatusCodes.Status500InternalServerError, "recording_failed", "The recording could not start.", detail),
            _ => CtiProblem.Conflict(result.Code ?? "command_refused", detail, state),
        };
    }

    public static CtiProblem From(AcdError error, string? currentState = null) => error.Kind switch
    {
        AcdErrorKind.NotFound => CtiProblem.NotFound(error.Code, error.Message),
        AcdErrorKind.Conflict => CtiProblem.Conflict(error.Code, error.Message, currentState),
        AcdErrorKind.Forbidden => CtiProblem.Forbidden(error.Message, error.Code),
        _ => new CtiProblem(StatusCodes.Status400BadRequest, error.Code, "A request field is invalid.", error.Message),
    };
}
