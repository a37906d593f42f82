using ContactCenter.Cti;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Hosting;
using ContactCenter.Cti.Snapshot;
using ContactCenter.Server.Cti.Commands;
using ContactCenter.Server.Cti.Snapshot;
using ContactCenter.Server.Configuration;
using ContactCenter.Server.Storage;

namespace ContactCenter.Server.Cti;

public static class CtiHostingServiceCollectionExtensions
{
    /// <summary>
    /// The CTI API (<see cref="CtiServiceCollectionExtensions.AddCti"/>: authentication, the cc-* policies, the
    /// authenticated-by-default fallback policy, rate limiting, OpenAPI) with its tables and the server's data directory.
    /// Map it with <c>app.MapCti()</c>.
    /// </summary>
    public static IServiceCollection AddContactCenterCti(this IServiceCollection services)
    {
        services.AddSingleton<IMigrationSource, CtiMigrationSource>();
        services.AddCti();
        services.AddOptions<CtiOptions>().Configure<ContactCenterPaths>((options, paths) => options.DataDirectory = paths.DataDirectory);
        services.AddContactCenterCtiCommands();
        return services;
    }

    /// <summary>
    /// The commands on the ACD and the call engine, and the agents, calls and queues sections of <c>get_snapshot</c>.
    /// Absent on purpose: consult_call, complete_transfer and cancel_consult (the engine has no attended transfer yet).
    /// </summary>
    private static void AddContactCenterCtiCommands(this IServiceCollection services)
    {
        services.AddSingleton<CtiCallDirectory>();
        services.AddCtiCommand<GetAgentsList>();
        services.AddCtiCommand<GetAgentConfig>();
        services.AddCtiCommand<AgentLogin>();
        services.AddCtiCommand<AgentLogout>();
        services.AddCtiCommand<SetAgentState>();
        services.AddCtiCommand<GetServicesList>();
        services.AddCtiCommand<GetQueueStatus>();
        services.AddCtiCommand<GetCalls>();
        services.AddCtiCommand<MakeCall>();
        services.AddCtiCommand<AnswerCall>();
        services.AddCtiCommand<RejectCall>();
        services.AddCtiCommand<HangupCall>();
        services.AddCtiCommand<HoldCall>();
        services.AddCtiCommand<ConsultCall>();
        services.AddCtiCommand<CompleteTransfer>();
        services.AddCtiCommand<CancelConsult>();
        services.AddCtiCommand<RetrieveCall>();
        services.AddCtiCommand<CallTransfer>();
        services.AddCtiCommand<ConferenceCall>();
        services.AddCtiCommand<DropParticipant>();
        services.AddCtiCommand<SendDtmf>();
        services.AddCtiCommand<ClassifyCall>();
        services.AddCtiCommand<StartRecording>();
        services.AddCtiCommand<StopRecording>();
        services.AddCtiCommand<PauseRecording>();
        services.AddCtiCommand<ResumeRecording>();
        services.AddCtiCommand<GetRecordings>();
        services.AddCtiCommand<GetRecordingContent>();
        services.AddCtiCommand<GetServiceStatistics>();
        services.AddCtiCommand<GetAgentStatistics>();
        services.AddCtiCommand<GetAlarms>();
        services.AddCtiCommand<AcknowledgeAlarm>();
        services.AddCtiSnapshotContributor<AgentsSnapshot>();
        services.AddCtiSnapshotContributor<CallsSnapshot>();
        services.AddCtiSnapshotContributor<QueuesSnapshot>();
    }
}
