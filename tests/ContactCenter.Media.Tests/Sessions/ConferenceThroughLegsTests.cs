using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;
using ContactCenter.Media.Tests.Recording;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class ConferenceThroughLegsTests
{
    [Fact]
    public async Task ThreePhonesInOneConference_EachHearsTheOtherTwoTones_AndNotItsOwn_AcrossCodecsAndRates()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var root = Directory.CreateTempSubdirectory("conference-recording-").FullName;
        using var cleanup = new DeleteOnDispose(root);
        using var harness = new MediaTestHarness(pairs: 3, time: time, recordingDirectory: root);
        using var ulaw = new TonePhone(harness, 400, "0");
        using var alaw = new TonePhone(harness, 700, "8");
        using var wideband = new TonePhone(harness, 1100, "9");
        TonePhone[] phones = [ulaw, alaw, wideband];
        using var conference = harness.Engine.CreateConference();
        foreach (var phone in phones)
        {
            conference.Add(phone.Leg);
        }

        Assert.Equal(3, conference.Count);
        ulaw.Leg.StartRecording(new LegRecordingOptions { Path = "conference.wav" });
        await EngineDriver.RunAsync(harness, time, 100, phones);
        var metadata = await ulaw.Leg.StopRecordingAsync();

        // The recording of a conference leg: its own voice left, the mix it hears right.
        var wav = ParsedWav.Read(metadata!.Path);
        var own = wav.Samples[0].AsSpan(20 * 160, 50 * 160);
        var mix = wav.Samples[1].AsSpan(20 * 160, 50 * 160);
        Assert.InRange(Signals.Amplitude(own, 400, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(own, 700, 8000), 0, 60);
        Assert.InRange(Signals.Amplitude(mix, 700, 8000), 4500, 7500);
        Assert.InRange(Signals.Amplitude(mix, 1100, 8000), 4500, 7500);
        Assert.InRange(Signals.Amplitude(mix, 400, 8000), 0, 150);
        Assert.Equal(16000, conference.Mixer.MixSampleRate);

        foreach (var phone in phones)
        {
            await MediaTestHarness.WaitUntilAsync(() => phone.Received.Count >= 90, $"the mix at the {phone.Frequency} Hz phone");
            var heard = phone.Heard();
            var frame = phone.SampleRate / 50;

            // Skip the jitter buffers' prebuffering; then one second of steady mix.
            var steady = heard.AsSpan(20 * frame, 50 * frame);
            foreach (var other in phones)
            {
                var level = Signals.Amplitude(steady, other.Frequency, phone.SampleRate);
                if (ReferenceEquals(other, phone))
                {
                    Assert.True(level < 150, $"the {phone.Frequency} Hz phone hears itself at {level:F0}");
                }
                else
                {
                    Assert.True(level > 4500 && level < 7500, $"the {phone.Frequency} Hz phone hears {other.Frequency} Hz at {level:F0}");
                }
            }
        }

        // A leg that leaves stops hearing the others and is no longer heard.
        Assert.True(conference.Remove(wideband.Leg));
        Assert.Null(wideband.Leg.Conference);
        var before = wideband.Received.Count;
        var ulawBefore = ulaw.Received.Count;
        await EngineDriver.RunAsync(harness, time, 50, phones);
        await MediaTestHarness.WaitUntilAsync(() => ulaw.Received.Count >= ulawBefore + 45, "the two-party mix");
        Assert.Equal(before, wideband.Received.Count);
        var after = ulaw.Heard().AsSpan((ulawBefore + 10) * 160, 30 * 160);
        Assert.True(Signals.Amplitude(after, 1100, 8000) < 150, "the leg that left is still heard");
        Assert.True(Signals.Amplitude(after, 700, 8000) > 4500, "the remaining party is not heard");
    }
}

internal sealed class DeleteOnDispose(string directory) : IDisposable
{
    public void Dispose() => Directory.Delete(directory, recursive: true);
}
