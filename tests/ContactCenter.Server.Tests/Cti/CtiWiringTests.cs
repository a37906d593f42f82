using System.Net;
using System.Net.Http.Headers;
using ContactCenter.Server.Tests.Support;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>The CTI module as the server wires it: tables migrated, first admin token in the data directory, everything authenticated.</summary>
public sealed class CtiWiringTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    [Fact]
    public async Task The_server_writes_the_first_admin_token_and_closes_every_endpoint_but_health_and_docs()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.WriteSimple(factory.ProfilesDirectory, "office", """{ "Number": "2001" }""");
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/healthz");
        using var openApi = await client.GetAsync("/openapi/v1.json");
        using var anonymous = await client.GetAsync("/cti/v1/get_subscriptions");
        using var elsewhere = await client.GetAsync("/anything");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);

        string file = Path.Combine(factory.DataDirectory, "initial-admin-token.txt");
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        string token = File.ReadAllLines(file).Single(l => l.StartsWith("token=", StringComparison.Ordinal))["token=".Length..];
        Assert.Contains(factory.Logs.Entries, e => e.Message.Contains(file, StringComparison.Ordinal) && !e.Message.Contains(token, StringComparison.Ordinal));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var authorized = await client.GetAsync("/cti/v1/get_subscriptions");
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);
    }

    public void Dispose() => _root.Dispose();
}
