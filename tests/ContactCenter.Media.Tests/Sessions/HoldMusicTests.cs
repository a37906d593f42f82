using ContactCenter.Media.Assets;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Endpoints;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class HoldMusicTests
{
    [Fact]
    public async Task ACallOnHold_HearsMusicOnHold_InTheVoiceBand_ContinuouslyAcrossTheLoop()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 1, time: time);
        using var phone = new TonePhone(harness, 440, "0");
        var hold = phone.Leg.Hold();
        Assert.Contains("a=sendonly", hold.ToString());
        Assert.True(phone.Leg.AcceptAnswer(phone.Phone.Offer("0", direction: "recvonly")).IsSuccess);
        var player = phone.Leg.PlayMusicOnHold();
        Assert.True(player.Loop);

        // 30 s of music at 8 kHz is exactly 1500 frames: run 1600 ticks to cross the loop point.
        const int loopFrames = 1500;
        const int ticks = 1600;
        for (var tick = 0; tick < ticks; tick++)
        {
            EngineDriver.Poll(harness, time);
            if (tick % 50 == 49)
            {
                await MediaTestHarness.WaitUntilAsync(() => phone.Received.Count >= tick + 1, "music packets");
            }
        }

        await MediaTestHarness.WaitUntilAsync(() => phone.Received.Count >= ticks, "music packets");
        var packets = phone.Received.ToArray();
        Assert.Equal(ticks, packets.Length);

        // One continuous stream: consecutive sequence numbers and timestamps, our SSRC, no gap at the loop point.
        for (var i = 1; i < packets.Length; i++)
        {
            Assert.Equal((ushort)(packets[i - 1].Header.SequenceNumber + 1), packets[i].Header.SequenceNumber);
            Assert.Equal(packets[i - 1].Header.Timestamp + 160, packets[i].Header.Timestamp);
            Assert.Equal(phone.Leg.Endpoint.Ssrc, packets[i].Header.Ssrc);
        }

        // After the loop point the music starts over exactly: frame 1500 + k is frame k.
        for (var k = 0; k < ticks - loopFrames; k++)
        {
            Assert.Equal(packets[k].Payload, packets[loopFrames + k].Payload);
        }

        // Audible all along, with its power in the telephone voice band, and no click at the seam.
        var heard = phone.Heard();
        for (var second = 0; second < ticks / 50; second++)
        {
            var window = heard.AsSpan(second * 8000, 8000);
            Assert.True(Signals.Rms(window) > 500, $"second {second} is nearly silent ({Signals.Rms(window):F0})");
            double voice = 0, all = 0;
            for (double f = 10; f < 4000; f += 10)
            {
                var power = Signals.GoertzelPower(window, f, 8000);
                all += power;
                voice += f is >= 300 and <= 3400 ? power : 0;
            }

            Assert.True(voice / all > 0.6, $"second {second}: {voice / all:P0} of the power in 300-3400 Hz");
        }

        var steps = new int[heard.Length - 1];
        for (var i = 1; i < heard.Length; i++)
        {
            steps[i - 1] = Math.Abs(heard[i] - heard[i - 1]);
        }

        var seam = loopFrames * 160;
        var typical = steps.Order().ElementAt(steps.Length * 999 / 1000);
        Assert.True(steps[seam - 1] <= typical, $"a click at the loop point: step {steps[seam - 1]} vs 99.9th percentile {typical}");

        // Off hold the music stops.
        phone.Leg.StopPlaying();
        var count = phone.Received.Count;
        EngineDriver.Poll(harness, time);
        Assert.True(await phone.Phone.NothingArrivesAsync(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(count, phone.Received.Count);
    }

    [Fact]
    public async Task WithoutTelephoneEvent_ADigitIsSentInBand_AndDetectedFromTheAudio()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 1, time: time);
        using var phone = new UdpPhone();
        var leg = harness.CreateLeg();
        Assert.True(leg.AcceptOffer(phone.Offer("0", telephoneEvent: null)).IsSuccess);
        Assert.Equal(DtmfSendResult.NotNegotiated, leg.SendDtmf('7', inBandFallback: false));
        Assert.Equal(DtmfSendResult.QueuedInBand, leg.SendDtmf('7', TimeSpan.FromMilliseconds(120)));
        Assert.Equal(DtmfSendResult.Rejected, leg.SendDtmf('8'));

        var pcm = new List<short>();
        for (var tick = 0; tick < 6; tick++)
        {
            EngineDriver.Poll(harness, time);
            var packet = await phone.ReceiveRtpAsync();
            var frame = new short[160];
            MuLaw.Decode(packet.Payload, frame);
            pcm.AddRange(frame);
        }

        // The tone is 120 ms: six frames, then nothing plays.
        EngineDriver.Poll(harness, time);
        Assert.True(await phone.NothingArrivesAsync(TimeSpan.FromMilliseconds(100)));
        pcm.AddRange(new short[800]);
        var detector = new GoertzelDtmfDetector();
        detector.Process([.. pcm]);
        var digits = new List<char>();
        while (detector.TryReadEvent(out var e))
        {
            if (e.Kind == DtmfEventKind.Ended)
            {
                digits.Add(e.Digit);
            }
        }

        Assert.Equal(['7'], digits);
        Assert.True(DefaultMusicOnHold.Clip is not null);
    }
}
