using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Tests.Codecs;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Endpoints;

public sealed class InboundAudioTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(40)]
    [InlineData(60)]
    public void AnyPacketTime_IsCutInto20MsFrames_AndPlaysBackSampleForSample(int packetMilliseconds)
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(80) }, _time);
        var pcm = Signals.Sweep(200, 3000, 8000, 8000 * 3, 8000);
        var encoded = new byte[pcm.Length];
        MuLaw.Encode(pcm, encoded);
        var reference = new short[pcm.Length];
        MuLaw.Decode(encoded, reference);

        var played = new List<short>();
        var frame = new short[160];
        var packetSamples = 8 * packetMilliseconds;
        var sent = 0;
        const uint firstTimestamp = 0xFFFF_F000; // crosses the 32-bit timestamp wrap on the way
        for (var tick = 0; played.Count < pcm.Length - 3200; tick++)
        {
            // Packets go out as their time comes (in bursts for packets longer than a frame); one frame is read per tick.
            while (sent < pcm.Length && sent <= (tick + 1) * 160)
            {
                audio.Write(G711Codec.MuLaw, 0x1234, firstTimestamp + (uint)sent, encoded.AsSpan(sent, packetSamples), _time.GetTimestamp());
                sent += packetSamples;
            }

            _time.Advance(TimeSpan.FromMilliseconds(20));
            if (audio.ReadFrame(frame))
            {
                played.AddRange(frame);
            }

            Assert.True(tick < 400, "never caught up");
        }

        Assert.Equal(reference.AsSpan(0, played.Count).ToArray(), played.ToArray());
        Assert.Equal(0, audio.PartialFramesDropped);
        Assert.Equal(0, audio.Statistics.Concealed);
    }

    [Fact]
    public void ReorderedFrames_AreReordered_AndAHalfFrameWithoutItsStartIsDroppedAndCounted()
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(60) }, _time);
        var frames = Enumerable.Range(0, 6).Select(i => Enumerable.Repeat((byte)(0x10 + i), 160).ToArray()).ToArray();
        foreach (var i in new[] { 0, 2, 1, 3, 4, 5 })
        {
            audio.Write(G711Codec.MuLaw, 7, (uint)(i * 160), frames[i], _time.GetTimestamp());
        }

        // The second half of frame 6 alone (its first half was lost).
        audio.Write(G711Codec.MuLaw, 7, (6 * 160) + 80, new byte[80], _time.GetTimestamp());
        Assert.Equal(1, audio.PartialFramesDropped);

        var heard = new List<short>();
        var frame = new short[160];
        for (var tick = 0; tick < 10 && heard.Count < 6; tick++)
        {
            if (audio.ReadFrame(frame))
            {
                heard.Add(frame[0]);
            }
        }

        Assert.Equal(frames.Select(f => MuLaw.Decode(f[0])), heard);
    }

    [Fact]
    public void AG722Stream_IntoANarrowbandTap_IsResampled_AndACodecChangeStartsANewBuffer()
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, timeProvider: _time);
        var encoder = G722Codec.Instance.CreateEncoder();
        var tone = Signals.Tone(1000, 16000, 320 * 50, 8000);
        var payload = new byte[160];
        var levels = new List<short>();
        var frame = new short[160];
        for (var i = 0; i < 50; i++)
        {
            encoder.Encode(tone.AsSpan(i * 320, 320), payload);
            audio.Write(G722Codec.Instance, 9, (uint)(i * 160), payload, _time.GetTimestamp());
            if (audio.ReadFrame(frame))
            {
                levels.AddRange(frame);
            }
        }

        Assert.Same(G722Codec.Instance, audio.Buffer!.Codec);
        Assert.InRange(Signals.Amplitude(levels.ToArray().AsSpan(1600), 1000, 8000), 7000, 8500);

        var pcmu = new byte[160];
        MuLaw.Encode(Signals.Tone(500, 8000, 160, 4000), pcmu);
        audio.Write(G711Codec.MuLaw, 9, 50 * 160, pcmu, _time.GetTimestamp());
        Assert.Same(G711Codec.MuLaw, audio.Buffer!.Codec);
        Assert.True(audio.ReadFrame(frame) || audio.ReadFrame(frame));
        Assert.InRange(Signals.Amplitude(frame, 500, 8000), 3500, 4500);
    }
}
