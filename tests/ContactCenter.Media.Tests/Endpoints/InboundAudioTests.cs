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
    public void ReorderedFrames_AreReordered_AndAHalfFrameWaitsForItsStart()
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(80) }, _time);
        var frames = Enumerable.Range(0, 7).Select(i => Enumerable.Repeat((byte)(0x10 + i), 160).ToArray()).ToArray();
        foreach (var i in new[] { 0, 2, 1, 3, 4, 5 })
        {
            audio.Write(G711Codec.MuLaw, 7, (uint)(i * 160), frames[i], _time.GetTimestamp());
        }

        // Frame 6 in two halves, the second first.
        audio.Write(G711Codec.MuLaw, 7, (6 * 160) + 80, frames[6].AsSpan(80), _time.GetTimestamp());
        audio.Write(G711Codec.MuLaw, 7, 6 * 160, frames[6].AsSpan(0, 80), _time.GetTimestamp());
        Assert.Equal(0, audio.PartialFramesDropped);

        Assert.Equal(frames.Select(f => MuLaw.Decode(f[0])), ReadAudible(audio, 7, 12).Select(f => f[0]));
        Assert.Equal(7, audio.Statistics.Played);
    }

    [Fact]
    public void ThirtyMsPackets_InAnyOrder_WithDuplicates_PlaySampleForSample()
    {
        // Deep enough that the burst below is not trimmed for latency.
        var deep = new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(400), MaxDepth = TimeSpan.FromMilliseconds(400), SlotCount = 64 };
        var audio = new InboundAudio(AudioFormat.Narrowband, deep, _time);
        var pcm = Signals.Sweep(300, 3000, 8000, 240 * 12, 8000);
        var encoded = new byte[pcm.Length];
        ALaw.Encode(pcm, encoded);
        var reference = new short[pcm.Length];
        ALaw.Decode(encoded, reference);

        // Twelve 30 ms packets (18 frames) in one burst, across the timestamp wrap: pairs swapped, and packet 4 twice.
        foreach (var packet in new[] { 0, 2, 1, 4, 3, 5, 4, 7, 6, 9, 8, 11, 10 })
        {
            audio.Write(G711Codec.ALaw, 3, 0xFFFF_FF00 + (uint)(packet * 240), encoded.AsSpan(packet * 240, 240), _time.GetTimestamp());
        }

        var played = ReadAudible(audio, 18, 60).SelectMany(f => f).ToArray();
        Assert.Equal(reference, played);
        Assert.Equal(0, audio.PartialFramesDropped);
        Assert.Equal(0, audio.Statistics.Resyncs);
        Assert.Equal(18, audio.Statistics.Played);
    }

    [Fact]
    public void AHalfFrameWhoseOtherHalfNeverComes_IsDroppedAndCounted_WhenALaterFrameNeedsItsSlot()
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, timeProvider: _time);
        var payload = new byte[240];

        // 30 ms packets 0, 2, 3, ...: packet 1 (the end of frame 1 and all of frame 2) is lost, so frame 1 stays half done.
        audio.Write(G711Codec.ALaw, 5, 0, payload, _time.GetTimestamp());
        for (var packet = 2; packet < 16; packet++)
        {
            audio.Write(G711Codec.ALaw, 5, (uint)(packet * 240), payload, _time.GetTimestamp());
            Assert.Equal(0, audio.PartialFramesDropped);
        }

        // Packet 16 starts frame 25: it takes the slot (25 mod 8) where frame 1 waited in vain.
        audio.Write(G711Codec.ALaw, 5, 16 * 240, payload, _time.GetTimestamp());
        Assert.Equal(1, audio.PartialFramesDropped);
    }

    [Fact]
    public void APacketReorderedBeforeTheStreamsFirst_KeepsItsPlace()
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, new JitterBufferOptions { MinDepth = TimeSpan.FromMilliseconds(40) }, _time);
        var first = Enumerable.Repeat((byte)0x21, 160).ToArray();
        var second = Enumerable.Repeat((byte)0x22, 160).ToArray();
        audio.Write(G711Codec.MuLaw, 9, 1000 + 160, second, _time.GetTimestamp());
        audio.Write(G711Codec.MuLaw, 9, 1000, first, _time.GetTimestamp());

        Assert.Equal([MuLaw.Decode(0x21), MuLaw.Decode(0x22)], ReadAudible(audio, 2, 5).Select(f => f[0]));
        Assert.Equal(0, audio.Statistics.Resyncs);
    }

    [Fact]
    public void ThirtyMsPackets_AreReframedWithoutAllocating()
    {
        var audio = new InboundAudio(AudioFormat.Narrowband, timeProvider: _time);
        var payload = new byte[240];
        var frame = new short[160];
        uint timestamp = 0;
        long now = 0;
        void Run(int packets)
        {
            for (var i = 0; i < packets; i++)
            {
                // Two packets per three ticks, every other pair swapped, so frames are completed out of order too.
                var swap = (i / 2) % 2 == 1 ? (i % 2 == 0 ? 240u : unchecked((uint)-240)) : 0u;
                audio.Write(G711Codec.ALaw, 11, timestamp + swap, payload, now);
                timestamp += 240;
                now += TimeSpan.FromMilliseconds(30).Ticks;
                audio.ReadFrame(frame);
                if (i % 2 == 1)
                {
                    audio.ReadFrame(frame);
                }
            }
        }

        Run(100);
        Assert.Equal(0, AllocationProbe.QuietestRound(() => Run(3000)));
        Assert.Equal(0, audio.PartialFramesDropped);
    }

    // Reads up to maxTicks frames and returns the audible ones until count were heard.
    private static List<short[]> ReadAudible(InboundAudio audio, int count, int maxTicks)
    {
        var heard = new List<short[]>();
        var frame = new short[160];
        for (var tick = 0; tick < maxTicks && heard.Count < count; tick++)
        {
            if (audio.ReadFrame(frame))
            {
                heard.Add([.. frame]);
            }
        }

        return heard;
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
