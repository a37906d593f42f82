namespace ContactCenter.TestPeers.Tests;

public class BaresipConfigTests
{
    private static readonly BaresipOptions Alice = new()
    {
        User = "alice",
        Password = "s3cret",
        Registrar = "127.0.0.1:5060",
        RegistrationInterval = 60,
        AnswerMode = BaresipAnswerMode.Auto,
    };

    [Fact]
    public void Account_line_carries_user_registrar_credentials_and_modes()
    {
        Assert.Equal(
            "<sip:alice@127.0.0.1:5060;transport=udp>;auth_user=alice;auth_pass=s3cret;answermode=auto;regint=60;audio_codecs=PCMU,PCMA",
            BaresipConfig.AccountLine(Alice));
    }

    [Fact]
    public void Account_line_without_password_sends_no_credentials_and_quotes_the_display_name()
    {
        var line = BaresipConfig.AccountLine(Alice with
        {
            Password = null,
            DisplayName = "Alice Agent",
            Transport = PeerTransport.Tcp,
            RegistrationInterval = 0,
            AnswerMode = BaresipAnswerMode.Manual,
        });

        Assert.Equal(
            "\"Alice Agent\" <sip:alice@127.0.0.1:5060;transport=tcp>;answermode=manual;regint=0;audio_codecs=PCMU,PCMA",
            line);
    }

    [Theory]
    [InlineData("pass;word")]
    [InlineData("pass word")]
    [InlineData("pass>word")]
    [InlineData("")]
    public void Passwords_that_would_change_the_account_line_are_refused(string password)
    {
        Assert.Throws<ArgumentException>(() => BaresipConfig.AccountLine(Alice with { Password = password }));
    }

    [Fact]
    public void Config_is_loopback_only_without_audio_player_or_stdio()
    {
        var config = BaresipConfig.Config(Alice, sipPort: 25090, controlPort: 24444, rtpPorts: (21000, 21039));
        var lines = config.Split('\n').Where(l => !l.StartsWith('#')).ToList();

        Assert.Contains("sip_listen\t\t127.0.0.1:25090", lines);
        Assert.Contains("net_interface\t\t127.0.0.1", lines);
        Assert.Contains("ctrl_tcp_listen\t\t127.0.0.1:24444", lines);
        Assert.Contains("rtp_ports\t\t21000-21039", lines);
        Assert.Contains("ausrc_srate\t\t48000", lines);
        Assert.Contains("ausrc_channels\t\t2", lines);
        Assert.DoesNotContain(lines, l => l.Contains("stdio") || l.Contains("alsa") || l.StartsWith("audio_player"));
        foreach (var module in PeerAvailability.BaresipModules)
        {
            Assert.Contains(lines, l => l.StartsWith("module") && l.EndsWith(module));
        }
    }
}
