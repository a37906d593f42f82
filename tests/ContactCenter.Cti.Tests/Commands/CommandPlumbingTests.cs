using System.Net;
using System.Text;
using System.Text.Json;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Tests.Support;
using ContactCenter.Events;

namespace ContactCenter.Cti.Tests.Commands;

public sealed class CommandPlumbingTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private CtiTestHost _host = null!;
    private HttpClient _client = null!;

    [Fact]
    public async Task Success_echoes_client_data_carries_request_id_and_the_event_carries_client_data()
    {
        await using var events = _host.Bus.Subscribe(new EventFilter { Types = ["call.*"] });

        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo",
            """{"call_id":"c-1","count":3,"client_data":{"crm":{"ticket":42},"tags":["vip"]}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string requestId = body.Str("request_id");
        Assert.StartsWith("req_", requestId);
        Assert.Equal(requestId, response.Headers.GetValues(CtiRequestIds.HeaderName).Single());
        Assert.Equal("""{"crm":{"ticket":42},"tags":["vip"]}""", body.GetProperty("client_data").GetRawText());
        Assert.Equal("c-1", body.GetProperty("data").Str("call_id"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await events.WaitToReadAsync(timeout.Token));
        Assert.True(events.TryRead(out var published));
        Assert.Equal("call.test_echoed", published.Type);
        Assert.Equal(body.GetProperty("data").GetProperty("seq").GetInt64(), published.Seq);
        Assert.Equal("""{"crm":{"ticket":42},"tags":["vip"]}""", published.ClientData!.Value.GetRawText());
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("17")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    public async Task Client_data_may_be_any_json_value(string clientData)
    {
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", $$"""{"call_id":"c","count":1,"client_data":{{clientData}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (clientData == "null")
            Assert.False(body.TryGetProperty("client_data", out _));
        else
            Assert.Equal(clientData, body.GetProperty("client_data").GetRawText());
    }

    [Fact]
    public async Task A_failing_command_answers_problem_details_with_code_state_and_client_data()
    {
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", """{"call_id":"c","count":1,"fail":true,"client_data":{"n":7}}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_state_transition", body.Str("code"));
        Assert.Equal("held", body.Str("current_state"));
        Assert.Equal("""{"n":7}""", body.GetProperty("client_data").GetRawText());
        Assert.StartsWith("req_", body.Str("request_id"));
        Assert.Equal(0, _host.Bus.CurrentSeq); // nothing changed
    }

    [Theory]
    [InlineData("""{"call_id":"c","count":1""", 400, "malformed_json", null)]
    [InlineData("""[1,2]""", 400, "malformed_json", "$")]
    [InlineData("""{"count":1}""", 400, "missing_field", "call_id")]
    [InlineData("""{"call_id":"c"}""", 400, "missing_field", "count")]
    [InlineData("""{"call_id":"c","count":"three"}""", 400, "invalid_field", "count")]
    [InlineData("""{"call_id":null,"count":1}""", 400, "invalid_field", "call_id")]
    [InlineData("""{"call_id":"c","count":1,"cuont":2}""", 400, "unknown_field", "cuont")]
    [InlineData("""{"call_id":"c","count":1,"tags":[1]}""", 400, "invalid_field", "tags[0]")]
    [InlineData("""{"call_id":"c","count":1,"options":{"level":"x"}}""", 400, "invalid_field", "options.level")]
    [InlineData("""{"call_id":"c","count":1,"options":{"lvl":1}}""", 400, "invalid_field", "options.lvl")]
    [InlineData("""{"call_id":"c","call_id":"d","count":1}""", 400, "invalid_field", "call_id")]
    public async Task Bad_bodies_get_400_naming_the_field(string json, int status, string code, string? field)
    {
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", json);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, body.Str("code"));
        if (field is not null)
            Assert.Equal(field, body.Str("field"));
        Assert.StartsWith("req_", body.Str("request_id"));
    }

    [Fact]
    public async Task Bad_fields_still_echo_the_client_data()
    {
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", """{"client_data":{"corr":"abc"},"count":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("call_id", body.Str("field"));
        Assert.Equal("""{"corr":"abc"}""", body.GetProperty("client_data").GetRawText());
    }

    [Fact]
    public async Task Oversized_client_data_is_refused_naming_it()
    {
        string big = new('x', 5000);
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", $$"""{"call_id":"c","count":1,"client_data":"{{big}}"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("client_data_too_large", body.Str("code"));
        Assert.Equal("client_data", body.Str("field"));
        Assert.False(body.TryGetProperty("client_data", out _));
        Assert.Equal(0, _host.Bus.CurrentSeq);
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_413_without_reading_it_all()
    {
        string huge = "{\"call_id\":\"" + new string('x', 200_000) + "\",\"count\":1}";
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("request_too_large", body.Str("code"));
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_as_malformed()
    {
        string deep = string.Concat(Enumerable.Repeat("[", 100)) + string.Concat(Enumerable.Repeat("]", 100));
        var (response, body) = await _client.PostRawAsync("/cti/v1/test_echo", $$"""{"call_id":"c","count":1,"client_data":{{deep}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_json", body.Str("code"));
    }

    [Fact]
    public async Task A_non_json_content_type_gets_415()
    {
        using var response = await _client.PostAsync("/cti/v1/test_echo", new StringContent("call_id=c", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("unsupported_media_type", (await Json.ReadAsync(response)).Str("code"));
    }

    [Fact]
    public async Task Unknown_command_gets_404_listing_the_commands()
    {
        var (response, body) = await _client.GetJsonAsync("/cti/v1/get_agent_lists");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_command", body.Str("code"));
        var commands = body.GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("subscribe", commands);
        Assert.Contains("test_echo", commands);
        Assert.Contains("get_snapshot", commands);
        Assert.Equal(commands.Order(StringComparer.Ordinal), commands);
    }

    [Fact]
    public async Task Wrong_method_gets_405_with_allow()
    {
        var (getAction, actionBody) = await _client.GetJsonAsync("/cti/v1/test_echo");
        var (postQuery, queryBody) = await _client.PostRawAsync("/cti/v1/get_subscriptions", "{}");
        using var delete = await _client.DeleteAsync("/cti/v1/subscribe");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, getAction.StatusCode);
        Assert.Equal("POST", string.Join(",", getAction.Content.Headers.Allow));
        Assert.Equal("method_not_allowed", actionBody.Str("code"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postQuery.StatusCode);
        Assert.Equal("GET", string.Join(",", postQuery.Content.Headers.Allow));
        Assert.Equal("method_not_allowed", queryBody.Str("code"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task Query_parameters_are_typed_and_client_data_is_json_text()
    {
        string clientData = Uri.EscapeDataString("""{"crm":1}""");
        var (response, body) = await _client.GetJsonAsync($"/cti/v1/test_query?agent_id=ana&limit=5&active=true&services=sales,support&services=vip&client_data={clientData}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body.GetProperty("data");
        Assert.Equal("ana", data.Str("agent_id"));
        Assert.Equal(5, data.GetProperty("limit").GetInt32());
        Assert.True(data.GetProperty("active").GetBoolean());
        Assert.Equal(["sales", "support", "vip"], data.GetProperty("services").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal("""{"crm":1}""", body.GetProperty("client_data").GetRawText());
    }

    [Theory]
    [InlineData("limit=5", "missing_field", "agent_id")]
    [InlineData("agent_id=a&limit=many", "invalid_field", "limit")]
    [InlineData("agent_id=a&active=maybe", "invalid_field", "active")]
    [InlineData("agent_id=a&agnet=b", "unknown_field", "agnet")]
    [InlineData("agent_id=a&client_data=%7Bnot", "invalid_field", "client_data")]
    public async Task Bad_query_parameters_get_400_naming_the_parameter(string query, string code, string field)
    {
        var (response, body) = await _client.GetJsonAsync("/cti/v1/test_query?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, body.Str("code"));
        Assert.Equal(field, body.Str("field"));
    }

    [Fact]
    public async Task Registering_two_commands_with_one_name_stops_the_start()
    {
        using var data = new TemporaryDirectory();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CtiTestHost.StartAsync(data.Path, services: s =>
        {
            s.AddCtiCommand<EchoCommand>();
            s.AddCtiCommand<EchoCommand>();
        }));
        Assert.Contains("test_echo", error.Message);
    }

    [Fact]
    public void A_command_name_must_be_snake_case()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Assert.Throws<ArgumentException>(() => services.AddCtiCommand<BadlyNamedCommand>());
    }

    public async Task InitializeAsync()
    {
        _host = await CtiTestHost.StartAsync(_data.Path, services: s =>
        {
            s.AddCtiCommand<EchoCommand>();
            s.AddCtiCommand<QueryCommand>();
        });
        _client = _host.Client(await _host.CreateTokenAsync(CtiRoles.Integrator));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        _data.Dispose();
    }

    private sealed class BadlyNamedCommand : ICtiCommand<CtiNoParameters, string>
    {
        public static CtiCommandInfo Info { get; } = new("GetThings", CtiCommandMethod.Get, CtiPolicies.Agent, "bad");

        public ValueTask<CtiResult<string>> ExecuteAsync(CtiNoParameters request, CtiCommandContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<CtiResult<string>>("x");
    }
}
