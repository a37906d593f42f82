using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_alarms</c>: the active alarms, oldest first.</summary>
public sealed class GetAlarms(AcdRuntime acd) : ICtiCommand<CtiNoParameters, GetAlarms.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_alarms", CtiCommandMethod.Get, CtiPolicies.Supervisor,
        "Active alarms (raised by the alarm rules, not yet cleared), with who acknowledged them.");

    public sealed record Response(IReadOnlyList<Alarm> Alarms);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(CtiNoParameters request, CtiCommandContext context, CancellationToken cancellationToken) =>
        new Response(await acd.RunAsync(engine => engine.ActiveAlarms.Values.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList(),
            cancellationToken));
}
