using System.Net;
using System.Text.Json;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Cti.Tests.Webhooks;

namespace ContactCenter.Cti.Tests.OpenApi;

/// <summary>
/// The CTI module's own document is part of the committed docs/cti/openapi.json, which the full server generates
/// (ContactCenter.Server.Tests' CommittedOpenApiDocumentTests compares the whole file; regenerate it with
/// <c>UPDATE_OPENAPI=1 dotnet test tests/ContactCenter.Server.Tests --filter CommittedOpenApiDocument</c>). Here: every
/// path and schema this module serves is in the committed file, unchanged, so a change to the foundation fails fast.
/// </summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task The_served_document_is_anonymous_secret_free_and_part_of_the_committed_one()
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
        Assert.True(File.Exists(committedPath), "docs/cti/openapi.json is missing");
        using var committed = JsonDocument.Parse(await File.ReadAllTextAsync(committedPath));
        var committedPaths = committed.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/cti/v1/channel/{subscription}/ws", out _));
        foreach (var path in paths.EnumerateObject())
        {
            Assert.True(committedPaths.TryGetProperty(path.Name, out var same), $"{path.Name} is not in docs/cti/openapi.json: regenerate it");
            Assert.True(JsonElement.DeepEquals(path.Value, same), $"{path.Name} differs from docs/cti/openapi.json: regenerate it");
        }
        var committedSchemas = committed.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            Assert.True(committedSchemas.TryGetProperty(schema.Name, out var same), $"schema {schema.Name} is not in docs/cti/openapi.json");
            Assert.True(JsonElement.DeepEquals(schema.Value, same), $"schema {schema.Name} differs from docs/cti/openapi.json");
        }
    }

    private static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd() + "\n";

    public void Dispose() => _data.Dispose();
}
