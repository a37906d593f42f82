using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Cti.Commands;
using ContactCenter.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// docs/cti/openapi.json is what the full server serves at /openapi/v1.json: every CTI command (foundation, ACD and call
/// engine), both channel transports and the ACD admin API. After an API change, regenerate it with
/// <c>UPDATE_OPENAPI=1 dotnet test tests/ContactCenter.Server.Tests --filter CommittedOpenApiDocument</c> and commit the diff.
/// </summary>
public sealed class CommittedOpenApiDocumentTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public static string CommittedPath => Path.Combine(ProfileFiles.RepositoryRoot(), "docs", "cti", "openapi.json");

    [Fact]
    public async Task The_committed_document_is_the_one_the_full_server_serves()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.WriteSimple(factory.ProfilesDirectory, "office", """{ "Number": "2001" }""");
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string served = Normalize(await response.Content.ReadAsStringAsync());

        // The full server, not a module on its own: every registered command, both channels and the ACD admin API.
        using var document = JsonDocument.Parse(served);
        var paths = document.RootElement.GetProperty("paths");
        var commands = factory.Services.GetServices<CtiCommandRegistration>().Select(c => c.Info.Name).ToList();
        Assert.True(commands.Count >= 40, $"only {commands.Count} commands registered");
        foreach (string command in commands)
            Assert.True(paths.TryGetProperty("/cti/v1/" + command, out _), command);
        Assert.True(paths.TryGetProperty("/cti/v1/channel/{subscription}", out _));
        Assert.True(paths.TryGetProperty("/cti/v1/channel/{subscription}/ws", out _));
        Assert.Contains(paths.EnumerateObject(), p => p.Name.StartsWith("/api/v1/acd/", StringComparison.Ordinal));

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(CommittedPath, served);
        Assert.True(File.Exists(CommittedPath), "docs/cti/openapi.json is missing: run with UPDATE_OPENAPI=1");
        string committed = Normalize(await File.ReadAllTextAsync(CommittedPath));
        Assert.True(committed == served, "docs/cti/openapi.json is stale: run with UPDATE_OPENAPI=1 and commit it. First difference: " + FirstDifference(committed, served));
    }

    /// <summary>
    /// The same JSON whatever its formatting: parsed and written again indented with "\n" line ends. Member order is
    /// kept, because the generator's order is stable and a reordering is a real change of the document.
    /// </summary>
    public static string Normalize(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new InvalidOperationException("empty document");
        string text = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.ReplaceLineEndings("\n") + "\n";
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end>", right = i < b.Length ? b[i] : "<end>";
            if (left != right)
                return $"line {i + 1}: committed '{left.Trim()}', served '{right.Trim()}'";
        }
        return "none";
    }

    public void Dispose() => _root.Dispose();
}
