using System.Threading.Channels;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Ports;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>An engine on a private loopback port range, its events in a channel, and helpers to wait without sleeping blindly.</summary>
internal sealed class MediaTestHarness : IDisposable
{
    public MediaTestHarness(int pairs = 4, TimeProvider? time = null, RtpEndpointOptions? endpoint = null, string? recordingDirectory = null,
        ContactCenter.Media.Timing.MediaClockOptions? clock = null, int recordingReadTicks = 5, bool recordOnArrival = true)
    {
        Engine = new MediaEngine(
            new MediaEngineOptions
            {
                Ports = TestPortRanges.Loopback(pairs),
                Endpoint = endpoint ?? new RtpEndpointOptions(),
                RecordingDirectory = recordingDirectory,
                Clock = clock,
                RecordingReadTicks = recordingReadTicks,
                RecordOnArrival = recordOnArrival,
            },
            time);
    }

    public MediaEngine Engine { get; }

    public Channel<MediaEvent> Events { get; } = Channel.CreateUnbounded<MediaEvent>();

    public MediaLeg CreateLeg()
    {
        var created = Engine.CreateLeg(e => Events.Writer.TryWrite(e));
        Assert.True(created.Succeeded, created.Error.ToString());
        return created.Leg;
    }

    public async Task<T> NextEventAsync<T>(TimeSpan? timeout = null)
        where T : MediaEvent
    {
        using var cancel = new CancellationTokenSource(timeout ?? UdpPhone.ReceiveTimeout);
        while (true)
        {
            var next = await Events.Reader.ReadAsync(cancel.Token);
            if (next is T wanted)
            {
                return wanted;
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> (state produced on another thread) until true or the timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? UdpPhone.ReceiveTimeout);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(2);
        }
    }

    public void Dispose() => Engine.Dispose();
}
