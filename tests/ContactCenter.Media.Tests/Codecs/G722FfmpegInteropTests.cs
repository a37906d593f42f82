using ContactCenter.Media.Codecs;
using Xunit.Abstractions;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// Interoperability with a real, independent G.722: FFmpeg's (libavcodec adpcm_g722). Fails when
/// ffmpeg is missing: the Debian package is part of the test peers.
/// </summary>
public sealed class G722FfmpegInteropTests(ITestOutputHelper output)
{
    private const int SampleRate = 16000;
    private const int SettleSamples = 1600;

    private static short[] TestSignal()
    {
        // A tone, then a sweep through both sub-bands: two seconds in all.
        short[] tone = Signals.Tone(1000, SampleRate, SampleRate);
        short[] sweep = Signals.Sweep(100, 7000, SampleRate, SampleRate);
        return [.. tone, .. sweep];
    }

    /// <summary>
    /// Full-scale noise, a clipping square wave, digital silence and a very quiet tone: drives the
    /// saturations and both scale-factor limits, where a fixed-point slip would show.
    /// </summary>
    private static short[] HarshSignal()
    {
        var random = new Random(9);
        var noise = new short[SampleRate / 2];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var square = new short[SampleRate / 2];
        for (int i = 0; i < square.Length; i++)
        {
            square[i] = (i / 5 % 2) == 0 ? short.MaxValue : short.MinValue;
        }

        short[] silence = new short[SampleRate / 2];
        short[] whisper = Signals.Tone(3000, SampleRate, SampleRate / 2, amplitude: 3);
        return [.. noise, .. square, .. silence, .. whisper];
    }

    [Fact]
    public async Task Ffmpeg_encoded_stream_decodes_here()
    {
        string ffmpeg = ExternalTool.Require("ffmpeg", "ffmpeg");
        using var directory = new TempDirectory();
        short[] pcm = TestSignal();
        RawPcm.Write(directory.File("in.raw"), pcm);

        await ExternalTool.RunAsync(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "s16le", "-ar", "16000", "-ac", "1", "-i", directory.File("in.raw"),
            "-c:a", "g722", "-f", "g722", directory.File("ffmpeg.g722"));
        byte[] payload = await File.ReadAllBytesAsync(directory.File("ffmpeg.g722"));
        Assert.Equal(pcm.Length / 2, payload.Length);

        var decoded = new short[pcm.Length];
        Assert.Equal(pcm.Length, G722Codec.Instance.CreateDecoder().Decode(payload, decoded));

        double snr = Signals.SnrDb(pcm, decoded, G722Codec.CodecDelaySamples, SettleSamples);
        output.WriteLine($"ffmpeg encoder -> our decoder: SNR {snr:F1} dB");
        Assert.True(snr >= 20, $"ffmpeg-encoded stream decoded here: SNR {snr:F1} dB");
    }

    [Fact]
    public async Task Stream_encoded_here_decodes_in_ffmpeg()
    {
        string ffmpeg = ExternalTool.Require("ffmpeg", "ffmpeg");
        using var directory = new TempDirectory();
        short[] pcm = TestSignal();
        var payload = new byte[pcm.Length / 2];
        Assert.Equal(payload.Length, G722Codec.Instance.CreateEncoder().Encode(pcm, payload));
        await File.WriteAllBytesAsync(directory.File("ours.g722"), payload);

        await ExternalTool.RunAsync(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "g722", "-i", directory.File("ours.g722"), "-f", "s16le", "-ac", "1", directory.File("out.raw"));
        short[] decoded = RawPcm.Read(directory.File("out.raw"));
        Assert.Equal(pcm.Length, decoded.Length);

        double snr = Signals.SnrDb(pcm, decoded, G722Codec.CodecDelaySamples, SettleSamples);
        output.WriteLine($"our encoder -> ffmpeg decoder: SNR {snr:F1} dB");
        Assert.True(snr >= 20, $"stream encoded here, decoded by ffmpeg: SNR {snr:F1} dB");
    }

    [Fact]
    public async Task Encoder_and_decoder_match_ffmpeg_bit_for_bit()
    {
        string ffmpeg = ExternalTool.Require("ffmpeg", "ffmpeg");
        using var directory = new TempDirectory();
        short[] pcm = [.. TestSignal(), .. HarshSignal()];
        RawPcm.Write(directory.File("in.raw"), pcm);
        await ExternalTool.RunAsync(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "s16le", "-ar", "16000", "-ac", "1", "-i", directory.File("in.raw"),
            "-c:a", "g722", "-f", "g722", directory.File("ffmpeg.g722"));
        await ExternalTool.RunAsync(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "g722", "-i", directory.File("ffmpeg.g722"), "-f", "s16le", "-ac", "1", directory.File("ffmpeg.raw"));
        byte[] theirPayload = await File.ReadAllBytesAsync(directory.File("ffmpeg.g722"));
        short[] theirPcm = RawPcm.Read(directory.File("ffmpeg.raw"));

        var ourPayload = new byte[pcm.Length / 2];
        G722Codec.Instance.CreateEncoder().Encode(pcm, ourPayload);
        var ourPcm = new short[pcm.Length];
        G722Codec.Instance.CreateDecoder().Decode(theirPayload, ourPcm);

        int payloadDiffs = ourPayload.Zip(theirPayload).Count(p => p.First != p.Second);
        int pcmDiffs = ourPcm.Zip(theirPcm).Count(p => p.First != p.Second);
        int firstPayloadDiff = Enumerable.Range(0, ourPayload.Length).FirstOrDefault(i => ourPayload[i] != theirPayload[i], -1);
        int firstPcmDiff = Enumerable.Range(0, ourPcm.Length).FirstOrDefault(i => ourPcm[i] != theirPcm[i], -1);
        output.WriteLine($"payload bytes differing: {payloadDiffs} of {ourPayload.Length} (first at {firstPayloadDiff}); decoded samples differing: {pcmDiffs} of {ourPcm.Length} (first at {firstPcmDiff})");
        Assert.Equal(0, payloadDiffs);
        Assert.Equal(0, pcmDiffs);
    }
}
