using System.Numerics;

namespace ContactCenter.Media.Tests.Sessions;

/// <summary>A recorded tone, 20 ms frame by 20 ms frame: amplitude and phase against the file's sample clock.</summary>
internal static class ToneFrames
{
    /// <summary>From the first audible frame to the last whole one: every frame at full amplitude, the phase unbroken.</summary>
    public static void AssertContinuousSine(short[] channel, double frequency, string what, int firstAudibleBefore)
    {
        var frames = FramePhasors(channel, frequency);
        var start = frames.FindIndex(p => p.Magnitude > 3000);
        Assert.True(start >= 0 && start < firstAudibleBefore, $"{what}: no audio in the first {firstAudibleBefore} frames");
        for (var k = start; k < frames.Count; k++)
        {
            Assert.True(frames[k].Magnitude is > 5000 and < 7000, $"{what}: frame {k} amplitude {frames[k].Magnitude:0}");
        }

        Assert.Equal(0, PhaseJumps(channel, frequency));
    }

    /// <summary>Frames whose tone phase (referred to the file's sample clock) differs from the previous frame's: a repeated, dropped or concealed frame.</summary>
    public static int PhaseJumps(short[] channel, double frequency)
    {
        var frames = FramePhasors(channel, frequency);
        var start = frames.FindIndex(p => p.Magnitude > 3000);
        var jumps = 0;
        for (var k = start + 1; k < frames.Count; k++)
        {
            var step = Math.Abs(Math.IEEERemainder(frames[k].Phase - frames[k - 1].Phase, 2 * Math.PI));
            if (step > 0.3)
            {
                jumps++;
            }
        }

        return jumps;
    }

    /// <summary>One complex amplitude per 20 ms frame (160 samples at 8 kHz), at the same absolute time reference for all frames.</summary>
    public static List<Complex> FramePhasors(short[] channel, double frequency)
    {
        const int samples = 160;
        var omega = 2 * Math.PI * frequency / 8000;
        var result = new List<Complex>();
        for (var start = 0; start + samples <= channel.Length; start += samples)
        {
            var sum = Complex.Zero;
            for (var i = start; i < start + samples; i++)
            {
                sum += channel[i] * Complex.FromPolarCoordinates(1, -omega * i);
            }

            result.Add(sum * 2 / samples);
        }

        return result;
    }
}
