using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Cti.Tests.Support;

/// <summary>A webhook receiver on Kestrel; can be stopped and started again on the same port.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    /// <summary>Status to answer with (200 by default).</summary>
    public int Status { get; set; } = 200;

    /// <summary>How long to wait after taking a webhook before answering (a slow receiver).</summary>
    public TimeSpan ResponseDelay { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            if (Status is >= 200 and < 300)
            {
                Received.Enqueue(new ReceivedWebhook(
                    buffer.ToArray(),
                    http.Request.Headers["X-CC-Signature"].ToString(),
                    http.Request.Headers["X-CC-Event-Id"].ToString(),
                    DateTimeOffset.UtcNow));
            }
            if (ResponseDelay > TimeSpan.Zero)
                await Task.Delay(ResponseDelay);
            http.Response.StatusCode = Status;
        });
        await _app.StartAsync();
        Port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
