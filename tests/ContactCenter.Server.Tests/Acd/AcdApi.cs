using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Server.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.Acd;

/// <summary>The real host with test authentication and the two ACD policies; clients per role.</summary>
public sealed class AcdApi : IDisposable
{
    private readonly TemporaryDirectory _root = new();
    private readonly ServerFactory _server;
    private readonly WebApplicationFactory<Program> _factory;

    /// <param name="time">A clock for the whole host (the ACD's timers, interval ends); the system clock by default.</param>
    public AcdApi(bool demo = false, TimeProvider? time = null)
    {
        _server = new ServerFactory(_root, new Dictionary<string, string?> { ["ContactCenter:Acd:LoadDemoConfiguration"] = demo ? "true" : "false" });
        ProfileFiles.WriteSimple(_server.ProfilesDirectory, "office", """{ "Number": "1001" }""", """{ "Number": "1002" }""");
        _factory = _server.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            // No calls here: offers must stay pending (as an unanswered phone would) instead of failing at once for want of a call.
            services.AddSingleton<ContactCenter.Acd.Routing.IInteractionDelivery>(ContactCenter.Acd.Routing.NullInteractionDelivery.Instance);
            if (time is not null) services.AddSingleton(time);
            services.AddAuthentication(TestAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
            services.AddAuthorization(options =>
            {
                options.AddPolicy("cc-admin", policy => policy.RequireRole("admin"));
                options.AddPolicy("cc-supervisor", policy => policy.RequireRole("admin", "supervisor"));
            });
        }));
    }

    public HttpClient Client(string? roles)
    {
        var client = _factory.CreateClient();
        if (roles != null)
        {
            client.DefaultRequestHeaders.Add("X-Test-User", "tester-" + roles.Replace(',', '-'));
            client.DefaultRequestHeaders.Add("X-Test-Roles", roles);
        }
        return client;
    }

    public HttpClient Admin() => Client("admin");

    public IServiceProvider Services => _factory.Services;

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<string?> Code(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await Json(response);
        return json.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    public void Dispose()
    {
        _factory.Dispose();
        _server.Dispose();
        _root.Dispose();
    }
}
