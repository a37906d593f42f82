using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Server.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// The real host with the demo ACD (service "support" in manual answer mode, agents ana/bruno/carla at 1001–1003) and
/// real bearer tokens per role. Offers stay pending (no phone), as an unanswered phone would leave them.
/// </summary>
public sealed class CtiCommandsApi : IDisposable
{
    private readonly TemporaryDirectory _root = new();
    private readonly ServerFactory _server;
    private readonly WebApplicationFactory<Program> _factory;

    public CtiCommandsApi()
    {
        _server = new ServerFactory(_root, new Dictionary<string, string?> { ["ContactCenter:Acd:LoadDemoConfiguration"] = "true" });
        ProfileFiles.WriteSimple(_server.ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1002" }""", """{ "Number": "1003" }""");
        _factory = _server.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IInteractionDelivery>(NullInteractionDelivery.Instance)));
    }

    public IServiceProvider Services => _factory.Services;

    public string RecordingsDirectory => _server.RecordingsDirectory;

    public AcdRuntime Acd => Services.GetRequiredService<AcdRuntime>();

    /// <summary>A client with a fresh token of <paramref name="role"/> (an agent token bound to <paramref name="agentId"/>).</summary>
    public HttpClient Client(string role, string? agentId = null)
    {
        var (_, secret) = Services.GetRequiredService<ApiTokenStore>().Create("test-" + role, role, agentId, null);
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public HttpClient Admin() => Client(CtiRoles.Admin);

    public HttpClient Agent(string agentId) => Client(CtiRoles.Agent, agentId);

    public static Task<HttpResponseMessage> Post(HttpClient client, string command, object? body = null) =>
        client.PostAsJsonAsync("/cti/v1/" + command, body ?? new { });

    public static Task<HttpResponseMessage> Get(HttpClient client, string command, string query = "") =>
        client.GetAsync("/cti/v1/" + command + (query.Length > 0 ? "?" + query : ""));

    /// <summary>The <c>data</c> of a success, asserting the status.</summary>
    public static async Task<JsonElement> Data(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").Clone();
    }

    /// <summary>The problem's status and code, asserting it is a problem.</summary>
    public static async Task<(int Status, string? Code, JsonElement Problem)> Problem(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        return ((int)response.StatusCode, json.TryGetProperty("code", out var code) ? code.GetString() : null, json);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _server.Dispose();
        _root.Dispose();
    }
}
