namespace ContactCenter.TestPeers.Tests;

// Proves tests/load end to end against sipp stand-ins, briefly: the scenarios parse, the digest
// round trip works, and the scripts report what happened.
public class LoadScenarioTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Register_scenarios_succeed_against_the_digest_stand_in_and_bad_passwords_are_rejected()
    {
        using var directory = new TempDirectory();
        UsersCsv.Write(directory.File("users.csv"), Enumerable.Range(2000, 10).Select(n => ($"u{n}", $"pw{n}")));
        await using var registrar = await StartRegistrarAsync(directory);

        var register = await RunUacAsync(directory, registrar, "register_digest_uac.xml", calls: 20);
        var unregister = await RunUacAsync(directory, registrar, "unregister_digest_uac.xml", calls: 10);
        var badPassword = await RunUacAsync(directory, registrar, "register_bad_password_uac.xml", calls: 5);

        Assert.True(register.Succeeded, register.Describe());
        Assert.Equal(20, register.Statistics!.SuccessfulCalls);
        Assert.True(unregister.Succeeded, unregister.Describe());
        Assert.Equal(10, unregister.Statistics!.SuccessfulCalls);
        Assert.True(badPassword.Succeeded, badPassword.Describe());
        Assert.Equal(5, badPassword.Statistics!.SuccessfulCalls);
    }

    [Fact]
    public async Task Register_scenario_fails_when_the_registrar_knows_other_passwords()
    {
        using var registrarData = new TempDirectory();
        using var clientData = new TempDirectory();
        UsersCsv.Write(registrarData.File("users.csv"), [("u3000", "server-side")]);
        UsersCsv.Write(clientData.File("users.csv"), [("u3000", "client-side")]);
        await using var registrar = await StartRegistrarAsync(registrarData);

        var register = await RunUacAsync(clientData, registrar, "register_digest_uac.xml", calls: 2);

        Assert.False(register.Succeeded, register.Describe());
        Assert.Equal(2, register.Statistics!.FailedCalls);
        Assert.Contains("403", register.ErrorLog);
    }

    [Fact]
    public async Task Options_scenario_gets_200_from_an_auto_answering_sipp()
    {
        await using var uas = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.Uas,
            ExtraArguments = ["-aa"],
            // -aa answers each OPTIONS but leaves a call open waiting for an INVITE: stop it promptly.
            StopGracePeriod = TimeSpan.FromMilliseconds(200),
        });
        await uas.WaitUntilListeningAsync(Ready);
        await using var uac = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RepositoryPaths.LoadFile("options_uac.xml")),
            Target = uas.Endpoint,
            Rate = 50,
            CallLimit = 5,
            GlobalTimeout = TimeSpan.FromSeconds(20),
        });

        var result = await uac.WaitForExitAsync(Run);

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(5, result.Statistics!.SuccessfulCalls);
    }

    [Fact]
    public async Task Register_load_script_reports_each_rate_and_the_highest_clean_one()
    {
        var (exitCode, output) = await RunScriptAsync(
            "register-load.sh", "--stand-in", "--rates", "40 80", "--duration", "1", "--user-count", "20", "--unregister");

        Assert.True(exitCode == 0, output);
        Assert.Contains("register rate=40 attempted=40 successful=40 failed=0 incomplete=0", output);
        Assert.Contains("register rate=80 attempted=80 successful=80 failed=0 incomplete=0", output);
        Assert.Contains("unregister users=20 successful=20 failed=0 exit=0", output);
        Assert.Contains("highest clean register rate: 80/s", output);
    }

    [Fact]
    public async Task Register_load_script_reports_no_clean_rate_when_nothing_answers()
    {
        var silentPort = FreePort.Udp();

        var (exitCode, output) = await RunScriptAsync(
            "register-load.sh", $"127.0.0.1:{silentPort}", "--rates", "20 40", "--duration", "1", "--user-count", "5", "--recv-timeout", "500");

        Assert.True(exitCode == 1, output);
        Assert.Contains("register rate=20 attempted=20 successful=0 failed=20", output);
        // It stops at the first failing rate.
        Assert.DoesNotContain("register rate=40", output);
        Assert.Contains("highest clean register rate: none", output);
    }

    [Fact]
    public async Task Baseline_script_runs_sipp_to_sipp_and_prints_the_rate_achieved()
    {
        var (exitCode, output) = await RunScriptAsync("baseline.sh", "--rate", "50", "--duration", "1");

        Assert.True(exitCode == 0, output);
        Assert.Matches(@"baseline rate=50 duration=1 attempted=50 successful=50 failed=0 incomplete=0 retransmissions=\d+ achieved=[\d.]+ calls/s uas_failed=0 exit=0", output);
    }

    [Fact]
    public async Task Register_load_script_refuses_a_target_off_loopback()
    {
        var (exitCode, output) = await RunScriptAsync("register-load.sh", "192.0.2.1:5060", "--duration", "1");

        Assert.Equal(2, exitCode);
        Assert.Contains("loopback", output);
    }

    private static async Task<SippProcess> StartRegistrarAsync(TempDirectory directory)
    {
        var registrar = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RepositoryPaths.LoadFile("register_uas_digest.xml")),
            WorkingDirectory = directory.Path,
            InjectionFile = "users.csv",
            InjectionIndexField = 0,
            StopGracePeriod = TimeSpan.FromSeconds(1),
        });
        try
        {
            await registrar.WaitUntilListeningAsync(Ready);
            return registrar;
        }
        catch
        {
            await registrar.DisposeAsync();
            throw;
        }
    }

    private static async Task<SippResult> RunUacAsync(TempDirectory directory, SippProcess registrar, string scenario, int calls)
    {
        await using var uac = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RepositoryPaths.LoadFile(scenario)),
            Target = registrar.Endpoint,
            InjectionFile = directory.File("users.csv"),
            Rate = 50,
            CallLimit = calls,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        });
        return await uac.WaitForExitAsync(Run);
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string script, params string[] arguments)
    {
        var process = PeerProcess.Start(
            "/bin/bash", [RepositoryPaths.LoadFile(script), .. arguments], RepositoryPaths.Root, TimeProvider.System);
        if (!await process.WaitForExitAsync(Run))
        {
            // The script and every sipp it started, by PID tree.
            await process.StopAsync([(PosixSignal.Terminate, TimeSpan.FromSeconds(5))]);
            Assert.Fail($"{script} did not finish within {Run}:\n{process.StandardOutput}\n{process.StandardError}");
        }
        return (process.ExitCode, process.StandardOutput + process.StandardError);
    }
}
