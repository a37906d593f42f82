using System.Net;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Tests.Support;

namespace ContactCenter.Cti.Tests.Authentication;

/// <summary>Each role × each command that exists: admitted (any status but 401/403) or refused with 403 problem details.</summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private CtiTestHost _host = null!;
    private readonly Dictionary<string, string> _tokens = [];

    public static TheoryData<string, string, string, bool> Matrix()
    {
        // command, method, body or query, and which roles are admitted
        var commands = new (string Command, string Method, string Payload, string[] Roles)[]
        {
            ("create_token", "POST", """{"name":"n","role":"integrator"}""", [CtiRoles.Admin]),
            ("get_tokens", "GET", "", [CtiRoles.Admin]),
            ("revoke_token", "POST", """{"token_id":"tok_missing"}""", [CtiRoles.Admin]),
            ("subscribe", "POST", """{"types":["call.*"]}""", [.. CtiRoles.All]),
            ("get_subscriptions", "GET", "", [.. CtiRoles.All]),
            ("unsubscribe", "POST", """{"subscription_id":"sub_missing"}""", [.. CtiRoles.All]),
            ("create_channel_ticket", "POST", """{"subscription_id":"sub_missing"}""", [.. CtiRoles.All]),
            ("get_snapshot", "GET", "", [.. CtiRoles.All]),
            ("get_webhook_deliveries", "GET", "?subscription_id=sub_missing", [CtiRoles.Admin, CtiRoles.Supervisor, CtiRoles.Integrator]),
        };
        var data = new TheoryData<string, string, string, bool>();
        foreach (var (command, method, payload, roles) in commands)
        {
            foreach (string role in CtiRoles.All)
                data.Add($"{method} {command} {payload}", role, command, roles.Contains(role));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_is_admitted_or_refused(string request, string role, string command, bool admitted)
    {
        using var client = _host.Client(_tokens[role]);
        string[] parts = request.Split(' ', 3);
        using var response = parts[0] == "GET"
            ? await client.GetAsync($"/cti/v1/{command}{parts[2]}")
            : await client.PostAsync($"/cti/v1/{command}", new StringContent(parts[2], System.Text.Encoding.UTF8, "application/json"));

        if (admitted)
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await Json.ReadAsync(response);
            Assert.Equal("forbidden", body.Str("code"));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    public async Task InitializeAsync()
    {
        _host = await CtiTestHost.StartAsync(_data.Path);
        _tokens[CtiRoles.Admin] = _host.AdminToken;
        _tokens[CtiRoles.Supervisor] = await _host.CreateTokenAsync(CtiRoles.Supervisor);
        _tokens[CtiRoles.Integrator] = await _host.CreateTokenAsync(CtiRoles.Integrator);
        _tokens[CtiRoles.Agent] = await _host.CreateTokenAsync(CtiRoles.Agent, "ana");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
