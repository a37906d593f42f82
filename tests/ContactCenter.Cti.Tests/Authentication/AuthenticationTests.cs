using System.Net;
using System.Net.Http.Headers;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Cti.Tests.Authentication;

public sealed class AuthenticationTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task First_start_writes_one_admin_token_to_a_private_file_and_keeps_only_its_hash()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        string path = Path.Combine(_data.Path, InitialAdminToken.FileName);

        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        string token = host.AdminToken;
        Assert.StartsWith("cc_", token);
        Assert.True(token.Length >= 40, "256 random bits in base64url");

        using var connection = host.Services.GetRequiredService<IDbConnectionFactory>().Open();
        var stored = connection.QuerySingle<(string Hash, string Prefix)>("SELECT token_hash AS Hash, token_prefix AS Prefix FROM cti_tokens");
        Assert.Equal(ApiTokenSecret.Hash(token), stored.Hash);
        Assert.DoesNotContain(token, stored.Hash);
        Assert.Equal(token[..10], stored.Prefix);

        using var client = host.Client(token);
        using var response = await client.GetAsync("/cti/v1/get_tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_restart_with_an_active_admin_does_not_generate_another_token()
    {
        string first;
        await using (var host = await CtiTestHost.StartAsync(_data.Path))
            first = host.AdminToken;
        File.Delete(Path.Combine(_data.Path, InitialAdminToken.FileName));

        await using var restarted = await CtiTestHost.StartAsync(_data.Path);

        Assert.False(File.Exists(Path.Combine(_data.Path, InitialAdminToken.FileName)));
        using var client = restarted.Client(first);
        using var response = await client.GetAsync("/cti/v1/get_tokens");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "Bearer")]
    [InlineData("Basic YWRtaW46YWRtaW4=", "Bearer error=\"invalid_token\"")]
    [InlineData("Bearer cc_notatokenthatexists0000000000000000000000", "Bearer error=\"invalid_token\"")]
    [InlineData("Bearer something-else", "Bearer error=\"invalid_token\"")]
    public async Task Requests_without_a_valid_token_get_401_problem_details(string? authorization, string challenge)
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        using var client = host.Client();
        if (authorization is not null)
            client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        using var response = await client.GetAsync("/cti/v1/get_subscriptions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(challenge, response.Headers.WwwAuthenticate.ToString());
        var body = await Json.ReadAsync(response);
        Assert.Equal("unauthorized", body.Str("code"));
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.StartsWith("req_", body.Str("request_id"));
    }

    [Fact]
    public async Task Unknown_paths_are_also_closed_to_anonymous_callers()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        using var client = host.Client();

        using var unknownCommand = await client.GetAsync("/cti/v1/no_such_command");
        using var elsewhere = await client.GetAsync("/somewhere/else");

        Assert.Equal(HttpStatusCode.Unauthorized, unknownCommand.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        string integrator = await host.CreateTokenAsync(CtiRoles.Integrator);
        using var client = host.Client(integrator);
        using (var before = await client.GetAsync("/cti/v1/get_subscriptions"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using var admin = host.Client(host.AdminToken);
        var (_, list) = await admin.GetJsonAsync("/cti/v1/get_tokens");
        string id = list.GetProperty("data").GetProperty("tokens").EnumerateArray()
            .Single(t => t.Str("role") == CtiRoles.Integrator).Str("id");
        var (revoked, revokedBody) = await admin.PostAsync("/cti/v1/revoke_token", new { token_id = id });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.True(revokedBody.GetProperty("data").TryGetProperty("revoked_at", out _));

        using var after = await client.GetAsync("/cti/v1/get_subscriptions");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var (again, againBody) = await admin.PostAsync("/cti/v1/revoke_token", new { token_id = id });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("token_already_revoked", againBody.Str("code"));
    }

    [Fact]
    public async Task Token_listing_never_shows_tokens_or_hashes()
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        string agent = await host.CreateTokenAsync(CtiRoles.Agent, agentId: "ana");
        using var admin = host.Client(host.AdminToken);

        using var response = await admin.GetAsync("/cti/v1/get_tokens");
        string text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(agent, text);
        Assert.DoesNotContain(host.AdminToken, text);
        Assert.DoesNotContain(ApiTokenSecret.Hash(agent), text);
        Assert.Contains("\"agent_id\":\"ana\"", text);
    }

    [Theory]
    [InlineData("""{"name":"x","role":"agent"}""", "agent_id", "missing_field")]
    [InlineData("""{"name":"x","role":"integrator","agent_id":"ana"}""", "agent_id", "invalid_field")]
    [InlineData("""{"name":"x","role":"root"}""", "role", "invalid_field")]
    [InlineData("""{"name":"","role":"admin"}""", "name", "invalid_field")]
    [InlineData("""{"role":"admin"}""", "name", "missing_field")]
    public async Task Create_token_refuses_bad_input_naming_the_field(string json, string field, string code)
    {
        await using var host = await CtiTestHost.StartAsync(_data.Path);
        using var admin = host.Client(host.AdminToken);

        var (response, body) = await admin.PostRawAsync("/cti/v1/create_token", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, body.Str("field"));
        Assert.Equal(code, body.Str("code"));
    }

    public void Dispose() => _data.Dispose();
}
