namespace ContactCenter.Media.Tests.Recording;

/// <summary>A pass-through stream whose writes can be held (a disk that cannot keep up) or cut off (a crash).</summary>
internal sealed class ControlledStream(Stream inner) : Stream
{
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private readonly Lock _lock = new();
    private readonly List<(long Bytes, TaskCompletionSource Reached)> _waiters = [];
    private long _written;
    private volatile bool _crashed;

    public static Func<string, int, Stream> Factory(List<ControlledStream> created) => (path, _) =>
    {
        var stream = new ControlledStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0));
        lock (created)
        {
            created.Add(stream);
        }

        return stream;
    };

    /// <summary>Bytes written through so far (header rewrites included).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>From now on Write blocks until <see cref="Release"/>.</summary>
    public void Hold() => _open.Reset();

    public void Release() => _open.Set();

    /// <summary>From now on nothing reaches the file: the process "died".</summary>
    public void Crash() => _crashed = true;

    /// <summary>Completes once at least <paramref name="bytes"/> have been written through.</summary>
    public Task WhenWrittenAsync(long bytes)
    {
        lock (_lock)
        {
            if (_written >= bytes)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((bytes, reached));
            return reached.Task;
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => Seek(value, SeekOrigin.Begin); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _open.Wait(TimeSpan.FromSeconds(30));
        if (_crashed)
        {
            return;
        }

        inner.Write(buffer);
        lock (_lock)
        {
            _written += buffer.Length;
            _waiters.RemoveAll(w =>
            {
                if (_written < w.Bytes)
                {
                    return false;
                }

                w.Reached.TrySetResult();
                return true;
            });
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => _crashed ? inner.Position : inner.Seek(offset, origin);

    public override void Flush()
    {
        if (!_crashed)
        {
            inner.Flush();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _open.Dispose();
        }

        base.Dispose(disposing);
    }
}
