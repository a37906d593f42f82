using System.Buffers.Binary;

namespace ContactCenter.TestPeers.Tests;

public class LinphoneTests
{
    private static readonly LinphoneOptions Bob = new()
    {
        User = "3002",
        Password = "pw-3002",
        Registrar = "127.0.0.1:5060",
    };

    [Fact]
    public void Config_is_udp_only_on_loopback_with_one_proxy_and_its_credentials()
    {
        var config = LinphoneConfig.Config(Bob with { Realm = "peers.test", RegistrationExpires = 120 }, 40000, (20000, 20019));
        var lines = config.Split('\n', StringSplitOptions.TrimEntries);

        Assert.Contains("sip_port=40000", lines);
        Assert.Contains("sip_tcp_port=0", lines);
        Assert.Contains("sip_tls_port=0", lines);
        Assert.Contains("bind_address=127.0.0.1", lines);
        Assert.Contains("audio_rtp_port=20000-20019", lines);
        Assert.Contains("reg_proxy=<sip:127.0.0.1:5060;transport=udp>", lines);
        Assert.Contains("reg_identity=sip:3002@127.0.0.1:5060", lines);
        Assert.Contains("reg_expires=120", lines);
        Assert.Contains("username=3002", lines);
        Assert.Contains("passwd=pw-3002", lines);
        Assert.Contains("realm=peers.test", lines);
    }

    [Fact]
    public void Config_without_password_has_no_credentials()
    {
        var config = LinphoneConfig.Config(Bob with { Password = null }, 40000, (20000, 20019));
        Assert.DoesNotContain("[auth_info_0]", config);
        Assert.DoesNotContain("passwd=", config);
    }

    [Theory]
    [InlineData("pass word")]
    [InlineData("pass\nreg_proxy=<sip:evil>")]
    [InlineData("pass<x>")]
    public void Values_that_would_break_the_ini_or_a_uri_are_refused(string password)
    {
        Assert.Throws<ArgumentException>(() => LinphoneConfig.Config(Bob with { Password = password }, 40000, (20000, 20019)));
    }

    [Fact]
    public void The_tone_wav_is_8_khz_16_bit_mono_pcm_of_the_asked_length()
    {
        using var directory = new TempDirectory();
        var path = directory.File("tone.wav");
        ToneWav.Write(path, 440, TimeSpan.FromSeconds(2));

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(44 + (2 * 8000 * 2), bytes.Length);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(20))); // PCM
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(22))); // mono
        Assert.Equal(8000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(34)));
        // A 440 Hz sine crosses zero upwards 440 times a second.
        int upward = 0;
        for (int i = 1; i < 8000; i++)
        {
            short previous = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + ((i - 1) * 2)));
            short current = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + (i * 2)));
            if (previous < 0 && current >= 0) upward++;
        }
        Assert.InRange(upward, 439, 441);
    }

    [Fact]
    public void A_growing_log_is_searched_from_a_position_including_text_appended_later()
    {
        using var directory = new TempDirectory();
        var path = directory.File("peer.log");
        var log = new GrowingTextFile(path);
        Assert.Equal(-1, log.IndexOf("Ok", 0)); // not created yet

        File.WriteAllText(path, "state to [RegistrationOk]\n");
        var first = log.IndexOf("Ok]", 0);
        Assert.Equal(22, first);
        Assert.Equal(-1, log.IndexOf("Ok]", first + 3));

        File.AppendAllText(path, "again to [RegistrationOk]\n");
        Assert.Equal(48, log.IndexOf("Ok]", first + 3));
    }

    [Fact]
    public async Task Linphonec_starts_binds_its_sip_port_and_stops_by_pid()
    {
        await using var linphone = await LinphoneProcess.StartAsync(Bob with { Registrar = "127.0.0.1:9" });
        Assert.False(linphone.HasExited);
        var pid = linphone.ProcessId;

        await linphone.DisposeAsync();

        Assert.True(linphone.HasExited);
        Assert.False(Directory.Exists(linphone.WorkDirectory));
        Assert.False(Directory.Exists($"/proc/{pid}") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "linphonec");
    }
}
