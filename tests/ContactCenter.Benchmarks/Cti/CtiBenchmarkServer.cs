using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Cti;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Hosting;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using ContactCenter.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Benchmarks.Cti;

/// <summary>
/// The CTI module on real Kestrel at 127.0.0.1:0 with its SQLite store in a temporary directory, as the server hosts it,
/// but with the rate limit at its maximum (a benchmark is one token sending as fast as it can) and heartbeats out of
/// the way. Subscriptions and tokens are made through the real stores and API.
/// </summary>
public sealed class CtiBenchmarkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private CtiBenchmarkServer(WebApplication app, string directory, Uri address)
    {
        _app = app;
        _directory = directory;
        Address = address;
        Bus = app.Services.GetRequiredService<IEventBus>();
    }

    public Uri Address { get; }

    public IEventBus Bus { get; }

    public static async Task<CtiBenchmarkServer> StartAsync()
    {
        string directory = Directory.CreateTempSubdirectory("cc-cti-bench-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IEventBus>(new InProcessEventBus(TimeProvider.System));
        builder.Services.AddSingleton<IDbConnectionFactory>(_ =>
        {
            var factory = new SqliteConnectionFactory(new StorageOptions { DatabasePath = Path.Combine(directory, "contactcenter.db") });
            new MigrationRunner(factory, TimeProvider.System).Apply(CtiMigrations.All);
            return factory;
        });
        builder.Services.AddCti(options =>
        {
            options.DataDirectory = directory;
            options.RateLimitPermitsPerSecond = 1_000_000;
            options.RateLimitBurst = 10_000_000;
            options.ChannelHeartbeatInterval = TimeSpan.FromMinutes(10);
        });
        var app = builder.Build();
        app.MapCti();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new CtiBenchmarkServer(app, directory, address);
    }

    /// <summary>A new integrator token (stored hashed, as create_token does).</summary>
    public string CreateToken(string name) =>
        _app.Services.GetRequiredService<ApiTokenStore>().Create(name, CtiRoles.Integrator, null, null).Secret;

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A channel subscription to every event, through the API; returns its id.</summary>
    public async Task<string> SubscribeAsync(string token)
    {
        using var client = Client(token);
        using var response = await client.PostAsJsonAsync("/cti/v1/subscribe", new { types = new[] { "call.*" } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("subscription").GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
