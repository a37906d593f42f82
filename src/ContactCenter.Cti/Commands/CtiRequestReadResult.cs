using System.Text.Json;

namespace ContactCenter.Cti.Commands;

/// <summary>The parameters and <c>client_data</c> read from a request, or the problem with it (client_data still echoed when it was readable).</summary>
internal readonly record struct CtiRequestReadResult<TRequest>(TRequest? Request, JsonElement? ClientData, CtiProblem? Problem)
    where TRequest : notnull;
