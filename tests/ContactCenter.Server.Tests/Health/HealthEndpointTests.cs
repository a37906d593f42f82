using System.Net;
using System.Text.Json;
using ContactCenter.Server.Tests.Support;

namespace ContactCenter.Server.Tests.Health;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    [Fact]
    public async Task Healthz_answers_healthy_json_without_credentials()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.WriteSimple(factory.ProfilesDirectory, "office", """{ "Number": "2001" }""", """{ "Number": "2002" }""");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "a probe must never be answered from a cache");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["sip-directory", "storage", "trunks"], checks.Keys.Order());
        Assert.Equal("1 profile(s), 2 extension(s)", checks["sip-directory"].GetProperty("description").GetString());
        Assert.Equal("Healthy", checks["storage"].GetProperty("status").GetString());
        Assert.Equal("no trunk registers", checks["trunks"].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Host_start_creates_data_and_recordings_directories()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.WriteSimple(factory.ProfilesDirectory, "office", """{ "Number": "2001" }""");
        Assert.False(Directory.Exists(factory.DataDirectory));

        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Directory.Exists(factory.DataDirectory));
        Assert.True(Directory.Exists(factory.RecordingsDirectory));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "extension-credentials.json")));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "contactcenter.db")));
    }

    public void Dispose() => _root.Dispose();
}
