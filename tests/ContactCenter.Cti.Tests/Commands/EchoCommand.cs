using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Events;

namespace ContactCenter.Cti.Tests.Commands;

/// <summary>
/// A command registered the way the ACD and the call engine will register theirs (one file, one AddCtiCommand line):
/// it validates, may fail with a 409, and publishes an event that must carry the request's client_data.
/// </summary>
public sealed class EchoCommand : ICtiCommand<EchoCommand.Request, EchoCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("test_echo", CtiCommandMethod.Post, CtiPolicies.Integrator, "Test: echoes and publishes.");

    public sealed record Request(string CallId, int Count, IReadOnlyList<string>? Tags = null, Nested? Options = null, bool Fail = false);

    public sealed record Nested(int Level);

    public sealed record Response(string CallId, int Count, long Seq);

    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (request.Fail)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.Conflict("invalid_state_transition", "The call is on hold.", "held"));
        var published = context.Publish("call.test_echoed", new { count = request.Count }, new EventSubject(CallId: request.CallId));
        return ValueTask.FromResult<CtiResult<Response>>(new Response(request.CallId, request.Count, published.Seq));
    }
}
