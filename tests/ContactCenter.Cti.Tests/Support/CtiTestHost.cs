using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Hosting;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using ContactCenter.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Cti.Tests.Support;

/// <summary>
/// The CTI module in a real ASP.NET Core host: on a TestServer for handler tests, or on Kestrel at 127.0.0.1:0 for
/// the channel and webhooks. The data directory (database, key ring, admin token file) belongs to the test, so a
/// second host on the same directory is a restart.
/// </summary>
public sealed class CtiTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CtiTestHost(WebApplication app, string dataDirectory, Uri baseAddress, bool kestrel)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        Kestrel = kestrel;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public bool Kestrel { get; }

    public IServiceProvider Services => _app.Services;

    public IEventBus Bus => Services.GetRequiredService<IEventBus>();

    public string AdminToken => File.ReadAllLines(Path.Combine(DataDirectory, InitialAdminToken.FileName))
        .Single(l => l.StartsWith("token=", StringComparison.Ordinal))["token=".Length..];

    public static async Task<CtiTestHost> StartAsync(
        string dataDirectory,
        bool kestrel = false,
        Action<CtiOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        TimeProvider? time = null,
        InProcessEventBusOptions? busOptions = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        if (kestrel)
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        else
            builder.WebHost.UseTestServer();
        var clock = time ?? TimeProvider.System;
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<IEventBus>(new InProcessEventBus(clock, busOptions));
        builder.Services.AddSingleton<IDbConnectionFactory>(_ =>
        {
            var factory = new SqliteConnectionFactory(new StorageOptions { DatabasePath = Path.Combine(dataDirectory, "contactcenter.db") });
            new MigrationRunner(factory, clock).Apply(CtiMigrations.All);
            return factory;
        });
        builder.Services.AddCti(options =>
        {
            options.DataDirectory = dataDirectory;
            configure?.Invoke(options);
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapCti();
        await app.StartAsync();
        var address = kestrel
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First())
            : new Uri("http://localhost");
        return new CtiTestHost(app, dataDirectory, address, kestrel);
    }

    /// <summary>A client, with <paramref name="token"/> as bearer when given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = Kestrel ? new HttpClient { BaseAddress = BaseAddress } : _app.GetTestClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a token through the API with the admin token; returns the token.</summary>
    public async Task<string> CreateTokenAsync(string role, string? agentId = null, string name = "test")
    {
        using var admin = Client(AdminToken);
        using var response = await admin.PostAsJsonAsync("/cti/v1/create_token", new { name, role, agent_id = agentId });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
