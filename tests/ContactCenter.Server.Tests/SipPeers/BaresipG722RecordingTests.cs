using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Two baresip extensions that offer only G.722 (wideband, 16 kHz audio, RTP clock 8000): both legs negotiate it and
/// the engine transcodes what it records into the 8 kHz stereo file, where each phone's tone is found.
/// </summary>
public sealed class BaresipG722RecordingTests
{
    private const int CallerTone = 440;
    private const int CalleeTone = 1000;

    [Fact]
    public async Task G722_call_is_wideband_on_both_legs_and_its_recording_holds_both_tones()
    {
        PeerAvailability.RequireBaresip();
        var g722 = Path.Combine(PeerAvailability.BaresipModulePath, "g722.so");
        if (!File.Exists(g722)) throw new PeerMissingException($"{g722} is missing: {PeerAvailability.InstallHint}");
        var sox = PeerAvailability.RequireSox();
        await using var server = new RunningSipServer();
        // baresip names the codec by its audio rate: a bare "G722" matches nothing and the account then offers every codec.
        await using var connected = await TonePhones.ConnectAsync(server, CallerTone, CalleeTone, codecs: "G722/16000/1", extraConfig: ["module\t\t\tg722.so"]);
        var call = connected.Call;
        Assert.Equal("G722", call.CallerMedia!.Media!.Codec.Name, ignoreCase: true);
        Assert.Equal("G722", call.CalleeMedia!.Media!.Codec.Name, ignoreCase: true);
        Assert.Equal(9, call.CallerMedia.Media.Codec.PayloadType);

        var started = await server.Calls.StartRecordingAsync(call.Id);
        Assert.True(started.Succeeded, started.Message);
        await TonePhones.ForAudioAsync(call, TimeSpan.FromSeconds(2));
        Assert.True((await server.Calls.StopRecordingAsync(call.Id)).Succeeded);

        var record = await TonePhones.StoredAsync(server, started.RecordingId!);
        Assert.Equal("completed", record.Status);
        Assert.Equal(8000, record.SampleRate);
        var path = TonePhones.FileOf(server, record);
        await TonePhones.SoxAcceptsAsync(sox, path);
        var audio = RecordedAudio.Read(path);
        var from = TimeSpan.FromSeconds(0.5);
        var to = audio.Duration - TimeSpan.FromSeconds(0.1);
        TonePhones.AssertTone(audio, 0, from, to, CallerTone, CalleeTone, "caller (channel 0, G.722)");
        TonePhones.AssertTone(audio, 1, from, to, CalleeTone, CallerTone, "callee (channel 1, G.722)");
        Assert.True(call.CallerMedia.GetQualityReport().Inbound.Packets > 100);
    }
}
