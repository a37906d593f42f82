using ContactCenter.Media.Codecs;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Tests.Recording;

/// <summary>
/// A two-party G.711 call's frames go into a stereo file of their law in one vectorized pass
/// (RecordingSession.TryWriteG711Pair): the file must hold exactly what writing each party on its own gives.
/// </summary>
public sealed class G711PairWriteTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Both_parties_at_once_write_the_same_bytes_as_one_party_at_a_time(bool aLaw)
    {
        await using var fixture = new RecordingFixture();
        var format = aLaw ? RecordingFormat.StereoALawNarrowband : RecordingFormat.StereoMuLawNarrowband;
        var codec = aLaw ? G711Codec.ALaw : G711Codec.MuLaw;
        var paired = fixture.Start(format, "paired.wav");
        var single = fixture.Start(format, "single.wav");
        var random = new Random(7);
        var left = new byte[160];
        var right = new byte[160];
        for (var frame = 0; frame < 9; frame++)
        {
            random.NextBytes(left);
            random.NextBytes(right);
            Assert.True(paired.TryWriteG711Pair(left, right, codec));
            paired.OnTick(frame);
            single.WriteG711Frame(0, left, codec);
            single.WriteG711Frame(1, right, codec);
            single.OnTick(frame);
        }

        var pairedFile = await paired.StopAsync().WaitAsync(RecordingFixture.Timeout);
        var singleFile = await single.StopAsync().WaitAsync(RecordingFixture.Timeout);
        Assert.Equal(9, pairedFile.FramesWritten);
        Assert.Equal(0, pairedFile.OverrunFrames);
        var expected = await File.ReadAllBytesAsync(singleFile.Path);
        var actual = await File.ReadAllBytesAsync(pairedFile.Path);
        Assert.Equal(58 + (9 * 320), expected.Length); // a companded WAV header has a fact chunk
        Assert.Equal(expected, actual);
        Assert.Equal(left[159], actual[^2]);
        Assert.Equal(right[159], actual[^1]);
    }

    [Fact]
    public async Task Frames_the_file_cannot_take_as_they_are_are_left_to_the_per_party_path()
    {
        await using var fixture = new RecordingFixture();
        var aLawFile = fixture.Start(RecordingFormat.StereoALawNarrowband, "alaw.wav");
        var pcmFile = fixture.Start(RecordingFormat.StereoPcm16Narrowband, "pcm.wav");
        var frame = new byte[160];

        Assert.False(aLawFile.TryWriteG711Pair(frame, frame, G711Codec.MuLaw));
        Assert.False(pcmFile.TryWriteG711Pair(frame, frame, G711Codec.MuLaw));
        Assert.False(aLawFile.TryWriteG711Pair(frame.AsSpan(0, 80), frame.AsSpan(0, 80), G711Codec.ALaw));
        await aLawFile.StopAsync().WaitAsync(RecordingFixture.Timeout);
        await pcmFile.StopAsync().WaitAsync(RecordingFixture.Timeout);
    }
}
