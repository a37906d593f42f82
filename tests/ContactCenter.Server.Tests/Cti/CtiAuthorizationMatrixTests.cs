using static ContactCenter.Server.Tests.Cti.CtiCommandsApi;

namespace ContactCenter.Server.Tests.Cti;

/// <summary>
/// The authorization matrix of the ACD and call commands: an agent token acting for another agent is 403 (and
/// changes nothing); commands above the agent role are 403 for it; every other role may act for any agent.
/// </summary>
public sealed class CtiAuthorizationMatrixTests : IDisposable
{
    private readonly CtiCommandsApi _api = new();

    public static TheoryData<string, string, object?> ActingForAnotherAgent => new()
    {
        { "POST", "agent_login", new { agent_id = "bruno" } },
        { "POST", "agent_logout", new { agent_id = "bruno" } },
        { "POST", "set_agent_state", new { agent_id = "bruno", state = "available" } },
        { "POST", "make_call", new { agent_id = "bruno", destination = "1003" } },
        { "POST", "classify_call", new { agent_id = "bruno", call_id = "c1", disposition = "resolved" } },
        { "GET", "get_agent_config", "agent_id=bruno" },
        { "GET", "get_agent_statistics", "agent_id=bruno" },
        { "GET", "get_calls", "agent_id=bruno" },
    };

    [Theory]
    [MemberData(nameof(ActingForAnotherAgent))]
    public async Task An_agent_token_acting_for_another_agent_is_403_and_nothing_changes(string method, string command, object? argument)
    {
        using var ana = _api.Agent("ana");
        using var admin = _api.Admin();
        if (command == "agent_logout") await Data(await Post(admin, "agent_login", new { agent_id = "bruno" }));
        var before = await Data(await Get(admin, "get_agent_statistics", "agent_id=bruno"));

        var response = method == "GET" ? await Get(ana, command, (string)argument!) : await Post(ana, command, argument);

        var (status, code, _) = await Problem(response);
        Assert.Equal((403, "forbidden"), (status, code));
        var after = await Data(await Get(admin, "get_agent_statistics", "agent_id=bruno"));
        Assert.Equal(before.GetProperty("state").GetString(), after.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("GET", "get_service_statistics", "service_id=support")]
    [InlineData("GET", "get_alarms", "")]
    [InlineData("POST", "acknowledge_alarm", "alm_1")]
    [InlineData("GET", "get_recordings", "call_id=c1")]
    [InlineData("GET", "get_recording_content", "recording_id=r1")]
    public async Task Commands_above_the_agent_role_are_403_for_an_agent_token(string method, string command, string argument)
    {
        using var ana = _api.Agent("ana");

        var response = method == "GET" ? await Get(ana, command, argument) : await Post(ana, command, new { alarm_id = argument });

        Assert.Equal(403, (await Problem(response)).Status);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("integrator")]
    public async Task Other_roles_act_for_any_agent(string role)
    {
        using var client = _api.Client(role);

        var login = await Data(await Post(client, "agent_login", new { agent_id = "carla" }));
        var statistics = await Data(await Get(client, "get_agent_statistics", "agent_id=carla"));
        await Data(await Post(client, "agent_logout", new { agent_id = "carla" }));

        Assert.Equal("available", login.GetProperty("agent").GetProperty("state").GetString());
        Assert.Equal("available", statistics.GetProperty("state").GetString());
    }

    public void Dispose() => _api.Dispose();
}
