using System.Diagnostics;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Recording;

public sealed class RecordingBackpressureTests
{
    [Fact]
    public async Task A_stalled_disk_drops_and_counts_frames_and_never_blocks_the_clock()
    {
        var streams = new List<ControlledStream>();
        await using var fixture = new RecordingFixture(ControlledStream.Factory(streams));
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband, queueFrames: 50);
        streams[0].Hold();
        short[] tone = Signals.Tone(400, 8000, 160);

        var clock = Stopwatch.StartNew();
        for (int tick = 0; tick < 200; tick++)
        {
            session.WriteFrame(0, tone, false);
            session.OnTick(tick);
        }

        clock.Stop();
        // The writer is stuck inside Write for the whole loop; the clock thread must not have waited for it.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"200 ticks took {clock.Elapsed}");
        Assert.Equal(150, session.DroppedFrames);
        Assert.Equal(50, session.FramesCommitted);

        streams[0].Release();
        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);
        Assert.Equal(150, metadata.DroppedFrames);
        Assert.Equal(50, metadata.FramesWritten);
        Assert.Equal(TimeSpan.FromSeconds(1), metadata.Duration);
        Assert.Equal(50 * 160, ParsedWav.Read(session.Path).SampleFrames);
    }

    [Fact]
    public async Task A_write_error_ends_the_file_cleanly_and_is_reported()
    {
        var streams = new List<ControlledStream>();
        await using var fixture = new RecordingFixture((path, size) =>
        {
            Stream inner = ControlledStream.Factory(streams)(path, size);
            return new FailingAfterStream(inner, failAfterBytes: 44 + (10 * 640));
        });
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband);

        RecordingFixture.FeedTones(session, 30, 8000, 400, 700);
        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);

        Assert.IsType<IOException>(metadata.Failure);
        Assert.True(metadata.FramesWritten < 30);
        Assert.Equal(30, metadata.FramesWritten + metadata.DroppedFrames);
    }

    /// <summary>Throws like a full disk once a byte budget is used up.</summary>
    private sealed class FailingAfterStream(Stream inner, long failAfterBytes) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > failAfterBytes)
            {
                throw new IOException("No space left on device");
            }

            _written += count;
            inner.Write(buffer, offset, count);
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
