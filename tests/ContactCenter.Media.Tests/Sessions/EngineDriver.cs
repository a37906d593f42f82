using ContactCenter.Media.Tests.Endpoints;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

/// <summary>Drives an engine's clock in manual mode: phones send one frame, the leg has it, then 20 ms pass and the clock polls.</summary>
internal static class EngineDriver
{
    public static async Task RunAsync(MediaTestHarness harness, FakeTimeProvider time, int ticks, params TonePhone[] speakers)
    {
        for (var tick = 0; tick < ticks; tick++)
        {
            foreach (var phone in speakers)
            {
                phone.SendFrame();
            }

            foreach (var phone in speakers)
            {
                await MediaTestHarness.WaitUntilAsync(() => phone.Leg.Endpoint.Counters.RtpReceived >= phone.FramesSent, "the phone's frame at its leg");
            }

            Poll(harness, time);
        }
    }

    public static void Poll(MediaTestHarness harness, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromMilliseconds(20));
        harness.Engine.Clock.Poll();
    }
}
