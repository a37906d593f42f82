using ContactCenter.Acd.Routing;

namespace ContactCenter.Server.Acd;

/// <summary>Starts the routing loop with the host (so interval statistics and alarms run from the start) and stops it.</summary>
internal sealed class AcdHostedService(AcdRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.RunAsync(_ => true, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await runtime.DisposeAsync();
}
