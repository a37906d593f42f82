using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Server.Tests.Support;

/// <summary>
/// The real host on a TestServer, pointed at directories the test owns. Settings are added last, so
/// they win over appsettings.json like command-line arguments would.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ServerFactory(TemporaryDirectory root, IDictionary<string, string?>? settings = null)
    {
        ProfilesDirectory = root.Combine("sip-profiles");
        DataDirectory = root.Combine("data");
        RecordingsDirectory = root.Combine("recordings");
        _settings = new Dictionary<string, string?>
        {
            ["ContactCenter:ProfilesDirectory"] = ProfilesDirectory,
            ["ContactCenter:DataDirectory"] = DataDirectory,
            ["ContactCenter:RecordingsDirectory"] = RecordingsDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string ProfilesDirectory { get; }

    public string DataDirectory { get; }

    public string RecordingsDirectory { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
