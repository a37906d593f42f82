using ContactCenter.Media.Recording;
using ContactCenter.Media.Tests.Codecs;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Recording;

/// <summary>One test's recorder, fake clock and temp directory, plus helpers to feed tones tick by tick.</summary>
internal sealed class RecordingFixture : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _directory = new();

    public RecordingFixture(Func<string, int, Stream>? openStream = null)
    {
        var options = new RecorderOptions { TimeProvider = Time, MinimumWakeInterval = TimeSpan.Zero };
        if (openStream is not null)
        {
            options = options with { OpenStream = openStream };
        }

        Recorder = new Recorder(options);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));

    public Recorder Recorder { get; }

    public string Root => _directory.Path;

    public string File(string name) => _directory.File(name);

    public RecordingSession Start(RecordingFormat format, string name = "call.wav", int monoParties = 2, TimeSpan? refresh = null, int queueFrames = 100, int writerBatchFrames = 1) =>
        Recorder.Start(new RecordingOptions
        {
            Path = File(name),
            Format = format,
            MonoParties = monoParties,
            HeaderRefreshInterval = refresh ?? TimeSpan.FromSeconds(1),
            QueueFrames = queueFrames,
            WriterBatchFrames = writerBatchFrames, // tests that await the writer want every frame to wake it
        });

    /// <summary>Feeds <paramref name="frames"/> ticks; party p gets a continuous tone at <paramref name="frequencies"/>[p] (0 = nothing).</summary>
    public static void FeedTones(RecordingSession session, int frames, int inputRate, params double[] frequencies)
    {
        int perFrame = inputRate / 50;
        short[][] tones = [.. frequencies.Select(f => Signals.Tone(f, inputRate, perFrame * frames, 8000))];
        for (int frame = 0; frame < frames; frame++)
        {
            for (int party = 0; party < frequencies.Length; party++)
            {
                if (frequencies[party] > 0)
                {
                    session.WriteFrame(party, tones[party].AsSpan(frame * perFrame, perFrame), silent: false);
                }
            }

            session.OnTick(frame);
        }
    }

    /// <summary>
    /// Feeds tones (default 400/700 Hz) <paramref name="step"/> frames at a time and waits until each batch and the
    /// header refresh it triggers (a refresh interval of <paramref name="step"/> frames) have reached the stream.
    /// </summary>
    public static async Task FeedInStepsAsync(RecordingSession session, ControlledStream stream, int frames, int step, int headerBytes, params double[] frequencies)
    {
        if (frequencies.Length == 0)
        {
            frequencies = [400, 700];
        }

        int rate = session.Format.SampleRate;
        int perFrame = session.Format.SamplesPerFrame;
        short[][] tones = [.. frequencies.Select(f => Signals.Tone(f, rate, perFrame * frames, 8000))];
        int fed = 0;
        while (fed < frames)
        {
            int batch = Math.Min(step, frames - fed);
            for (int frame = fed; frame < fed + batch; frame++)
            {
                for (int party = 0; party < session.Parties; party++)
                {
                    session.WriteFrame(party, tones[party % tones.Length].AsSpan(frame * perFrame, perFrame), silent: false);
                }

                session.OnTick(frame);
            }

            fed += batch;
            int refreshes = fed / step;
            await stream.WhenWrittenAsync(headerBytes * (1 + refreshes) + ((long)fed * session.Format.BytesPerFrame)).WaitAsync(Timeout);
        }
    }

    public static async Task<RecordingMetadata> StopAsync(RecordingSession session) => await session.StopAsync().WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        await Recorder.DisposeAsync().AsTask().WaitAsync(Timeout);
        _directory.Dispose();
    }
}
