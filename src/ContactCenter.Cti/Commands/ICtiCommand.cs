namespace ContactCenter.Cti.Commands;

/// <summary>
/// One CTI command: <c>/cti/v1/{Info.Name}</c>. Implement it in one file (request and response records nested or
/// beside it) and register it with <c>services.AddCtiCommand&lt;TCommand&gt;()</c>; the plumbing does the rest: routing,
/// authorization, reading and validating the request, <c>client_data</c>, <c>request_id</c>, problem details,
/// OpenAPI. The command is resolved from DI per request, so it may take any registered service.
/// </summary>
/// <typeparam name="TRequest">The parameters: a JSON object body for POST, the query string for GET. Use
/// <see cref="CtiNoParameters"/> when there are none. Members are snake_case on the wire; a constructor parameter
/// without a default is required; unknown members are refused.</typeparam>
/// <typeparam name="TResponse">What a success returns, under <c>data</c> in the response.</typeparam>
public interface ICtiCommand<TRequest, TResponse>
    where TRequest : notnull
{
    /// <summary>Name, method, policy and summary.</summary>
    static abstract CtiCommandInfo Info { get; }

    /// <summary>
    /// Runs the command. Return a <see cref="CtiProblem"/> (implicitly converted) for an expected failure; leave
    /// everything unchanged when failing. Pass <see cref="CtiCommandContext.ClientData"/> into every event the
    /// command causes (or publish through <see cref="CtiCommandContext.Publish"/>).
    /// </summary>
    ValueTask<CtiResult<TResponse>> ExecuteAsync(TRequest request, CtiCommandContext context, CancellationToken cancellationToken);
}
