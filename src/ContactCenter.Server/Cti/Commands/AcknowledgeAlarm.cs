using ContactCenter.Acd;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/acknowledge_alarm</c>: marks an active alarm acknowledged by the calling token.</summary>
public sealed class AcknowledgeAlarm(AcdRuntime acd) : ICtiCommand<AcknowledgeAlarm.Request, Alarm>
{
    public static CtiCommandInfo Info { get; } = new("acknowledge_alarm", CtiCommandMethod.Post, CtiPolicies.Supervisor,
        "Acknowledges an active alarm (recorded with the token's id). 404 alarm_not_found when it is not active.");

    public sealed record Request(string AlarmId);

    public async ValueTask<CtiResult<Alarm>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        AcdCommandContext.ClientData = context.ClientData; // the agent.*/interaction.* events it causes carry it (CTI-07)
        var result = await acd.RunAsync(engine => engine.AcknowledgeAlarm(request.AlarmId, context.Caller.TokenId), cancellationToken);
        return result.IsSuccess ? result.Value : CtiCallProblems.From(result.Error);
    }
}
