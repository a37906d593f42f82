using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class GoertzelDtmfDetectorTests
{
    public static TheoryData<char> Digits => new(SignalSynth.AllDigits);

    [Theory]
    [MemberData(nameof(Digits))]
    public void EveryDigit_IsDetectedOnceWithItsDuration(char digit)
    {
        var signal = SignalSynth.Concat(SignalSynth.Silence(100), SignalSynth.Dtmf(digit, 100), SignalSynth.Silence(100));

        var events = Detect(signal);

        Assert.Equal([DtmfEventKind.Started, DtmfEventKind.Ended], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(digit, e.Digit));
        // The duration is block-quantized: within one 12.75 ms block of the tone.
        Assert.InRange(events[1].Duration, TimeSpan.FromMilliseconds(100 - 13), TimeSpan.FromMilliseconds(100 + 13));
        Assert.Equal(DtmfEndReason.ToneStopped, events[1].EndReason);
        Assert.InRange(events[1].StartTimestamp, 800u - 102, 800u + 102);
    }

    [Theory]
    [MemberData(nameof(Digits))]
    public void EveryDigit_IsDetectedInNoise(char digit)
    {
        // Tones at −10 dBm0 each, white noise at −30 dBm0 throughout (about 17 dB SNR against the pair).
        var clean = SignalSynth.Concat(SignalSynth.Silence(200), SignalSynth.Dtmf(digit, 80), SignalSynth.Silence(200));
        var noisy = SignalSynth.AddNoise(clean, -30, seed: digit);

        var ended = Detect(noisy).Where(e => e.Kind == DtmfEventKind.Ended).ToArray();

        Assert.Equal(digit, Assert.Single(ended).Digit);
    }

    [Fact]
    public void OneKilohertzTone_IsNeverADigit()
    {
        Assert.Empty(Detect(SignalSynth.Sine(1000, 3000, 0)));
        Assert.Empty(Detect(SignalSynth.Sine(1000, 3000, -20)));
    }

    [Fact]
    public void SingleDtmfFrequency_IsNeverADigit()
    {
        Assert.Empty(Detect(SignalSynth.Sine(770, 1000, -10)));
        Assert.Empty(Detect(SignalSynth.Sine(1336, 1000, -10)));
    }

    [Fact]
    public void SpeechLikeSignal_CausesNoTalkOff()
    {
        for (var seed = 1; seed <= 6; seed++)
        {
            Assert.Empty(Detect(SignalSynth.SpeechLike(10_000, seed)));
        }
    }

    [Fact]
    public void WhiteNoise_CausesNothing()
    {
        Assert.Empty(Detect(SignalSynth.AddNoise(SignalSynth.Silence(5000), -10, seed: 3)));
    }

    [Fact]
    public void FortyMillisecondTone_IsDetected_TwentyIsNot()
    {
        for (var offset = 0; offset < 102; offset += 17)
        {
            var forty = SignalSynth.Concat(new double[offset], SignalSynth.Dtmf('8', 40), SignalSynth.Silence(100));
            var twenty = SignalSynth.Concat(new double[offset], SignalSynth.Dtmf('8', 20), SignalSynth.Silence(100));

            Assert.Single(Detect(forty), e => e.Kind == DtmfEventKind.Ended);
            Assert.Empty(Detect(twenty));
        }
    }

    [Fact]
    public void ShortDropOutInsideATone_DoesNotReportTheDigitTwice()
    {
        var signal = SignalSynth.Concat(
            SignalSynth.Dtmf('3', 100), SignalSynth.Silence(8), SignalSynth.Dtmf('3', 100), SignalSynth.Silence(100));

        Assert.Single(Detect(signal), e => e.Kind == DtmfEventKind.Ended);
    }

    [Fact]
    public void BackToBackSameDigit_WithAFortyMillisecondPause_IsTwoDigits()
    {
        var signal = SignalSynth.Concat(
            SignalSynth.Dtmf('1', 60), SignalSynth.Silence(40), SignalSynth.Dtmf('1', 60), SignalSynth.Silence(100));

        var ended = Detect(signal).Where(e => e.Kind == DtmfEventKind.Ended).ToArray();

        Assert.Equal(2, ended.Length);
        Assert.True(ended[1].StartTimestamp > ended[0].StartTimestamp);
    }

    [Fact]
    public void ADifferentDigitRightAfter_EndsTheFirstAndStartsTheSecond()
    {
        var signal = SignalSynth.Concat(SignalSynth.Dtmf('4', 100), SignalSynth.Dtmf('9', 100), SignalSynth.Silence(100));

        var events = Detect(signal);

        Assert.Equal(
            [(DtmfEventKind.Started, '4'), (DtmfEventKind.Ended, '4'), (DtmfEventKind.Started, '9'), (DtmfEventKind.Ended, '9')],
            events.Select(e => (e.Kind, e.Digit)));
    }

    [Theory]
    [InlineData(-10, -4, true)]
    [InlineData(-14, -4, false)]
    [InlineData(-7, -10, true)]
    [InlineData(-4, -10, false)]
    [InlineData(-26, -26, true)]
    [InlineData(-36, -36, false)]
    public void TwistAndLevelLimits(double rowDbm0, double columnDbm0, bool detected)
    {
        // Normal twist (column louder) up to 8 dB, reverse twist (row louder) up to 4 dB, tones down to −30 dBm0.
        var signal = SignalSynth.Concat(SignalSynth.Dtmf('5', 100, rowDbm0, columnDbm0), SignalSynth.Silence(100));

        Assert.Equal(detected, Detect(signal).Any(e => e.Kind == DtmfEventKind.Ended));
    }

    [Theory]
    [InlineData(0.985)]
    [InlineData(1.015)]
    public void FrequenciesOffByOnePointFivePercent_AreStillDetected(double factor)
    {
        foreach (var digit in SignalSynth.AllDigits)
        {
            var signal = SignalSynth.Concat(SignalSynth.Dtmf(digit, 100, frequencyFactor: factor), SignalSynth.Silence(100));

            Assert.Equal(digit, Assert.Single(Detect(signal), e => e.Kind == DtmfEventKind.Ended).Digit);
        }
    }

    [Fact]
    public void FrameSize_DoesNotChangeTheResult()
    {
        var signal = SignalSynth.ToPcm(SignalSynth.Concat(
            SignalSynth.Silence(50), SignalSynth.Dtmf('*', 90), SignalSynth.Silence(70), SignalSynth.Dtmf('D', 120), SignalSynth.Silence(100)));
        var reference = Detect(signal, frameSize: signal.Length);

        Assert.Equal(4, reference.Count);
        foreach (var frameSize in new[] { 1, 80, 160, 240, 333 })
        {
            Assert.Equal(reference, Detect(signal, frameSize));
        }
    }

    [Fact]
    public void Process_ReturnsTheNumberOfEventsQueued()
    {
        var detector = new GoertzelDtmfDetector();
        var signal = SignalSynth.ToPcm(SignalSynth.Concat(SignalSynth.Dtmf('6', 100), SignalSynth.Silence(100)));

        Assert.Equal(2, detector.Process(signal));
        Assert.Equal(2, detector.PendingEvents);
    }

    private static List<DtmfEvent> Detect(double[] signal) => Detect(SignalSynth.ToPcm(signal), 160);

    private static List<DtmfEvent> Detect(short[] pcm, int frameSize)
    {
        var detector = new GoertzelDtmfDetector();
        var events = new List<DtmfEvent>();
        for (var offset = 0; offset < pcm.Length; offset += frameSize)
        {
            detector.Process(pcm.AsSpan(offset, Math.Min(frameSize, pcm.Length - offset)));
            while (detector.TryReadEvent(out var e))
            {
                events.Add(e);
            }
        }

        return events;
    }
}
