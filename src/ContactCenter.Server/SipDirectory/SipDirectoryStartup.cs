namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// Loads the profiles and provisions credentials while the host starts, so a broken profile or
/// credential store stops the server with its message instead of failing the first REGISTER.
/// </summary>
public sealed class SipDirectoryStartup : IHostedService
{
    private readonly IServiceProvider _services;

    public SipDirectoryStartup(IServiceProvider services)
    {
        _services = services;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _services.GetRequiredService<ExtensionDirectory>();
        _ = _services.GetRequiredService<ContactCenter.Telephony.Routing.RoutingTable>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
