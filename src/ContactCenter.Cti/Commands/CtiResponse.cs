using System.Text.Json;

namespace ContactCenter.Cti.Commands;

/// <summary>The envelope of every successful command response.</summary>
/// <param name="RequestId">Identifies this request in logs and in problem details; also in the <c>X-Request-Id</c> header.</param>
/// <param name="ClientData">The request's <c>client_data</c>, echoed verbatim (CTI-07).</param>
/// <param name="Data">The command's result.</param>
public sealed record CtiResponse<T>(string RequestId, JsonElement? ClientData, T Data);
