using System.Net;
using System.Text.Json;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Cti.Tests.Webhooks;

namespace ContactCenter.Cti.Tests.OpenApi;

/// <summary>
/// The served document equals the committed docs/cti/openapi.json. After an API change, regenerate it with
/// <c>UPDATE_OPENAPI=1 dotnet test tests/ContactCenter.Cti.Tests --filter OpenApi</c> and commit the diff.
/// </summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task The_served_document_is_the_committed_one_and_is_anonymous_and_secret_free()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        using var anonymous = host.Client();

        using var response = await anonymous.GetAsync("/openapi/v1.json");
        using var page = await anonymous.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        string served = Normalize(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(host.AdminToken, served);
        using var document = JsonDocument.Parse(served);
        var paths = document.RootElement.GetProperty("paths");
        foreach (string command in new[] { "subscribe", "unsubscribe", "get_subscriptions", "get_snapshot", "create_token", "get_webhook_deliveries" })
            Assert.True(paths.TryGetProperty("/cti/v1/" + command, out _), command);
        Assert.Contains("subscription_id", paths.GetProperty("/cti/v1/get_webhook_deliveries").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.Str("name")));
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").Str("scheme"));

        string committedPath = Path.Combine(WebhookSignatureTests.RepositoryRoot(), "docs", "cti", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(committedPath, served);
        Assert.True(File.Exists(committedPath), "docs/cti/openapi.json is missing: run with UPDATE_OPENAPI=1");
        Assert.Equal(Normalize(await File.ReadAllTextAsync(committedPath)), served);
    }

    private static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd() + "\n";

    public void Dispose() => _data.Dispose();
}
