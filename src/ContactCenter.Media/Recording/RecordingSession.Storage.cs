using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Recording;

// The writer thread's side: move queued frames into the file, refresh the header every few seconds of audio.
public sealed partial class RecordingSession
{
    private readonly Stream _stream;
    private readonly int _headerLength;
    private readonly int _refreshFrames;
    private readonly byte[] _header = new byte[WavHeader.CompandedLength];
    private readonly TaskCompletionSource<RecordingMetadata> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _dataBytes;
    private long _framesWritten;
    private long _framesAtLastRefresh;
    private long _discardedFrames;
    private volatile bool _failed;
    private Exception? _failure;

    private void WriteInitialHeader()
    {
        int length = WavHeader.Write(_header, _format, 0);
        _stream.Write(_header, 0, length);
        _stream.Flush();
    }

    /// <summary>
    /// Writer thread: true when a batch (<see cref="RecordingOptions.WriterBatchFrames"/>) is queued or ready on arrival,
    /// or the clock is dropping frames. Sessions below their batch wait for the next wake-up, so each write carries a batch, not the one or
    /// two frames a recording happened to queue since another recording woke the writer.
    /// </summary>
    internal bool DrainDue => Volatile.Read(ref _head) - _tail >= _wakeDepth || _failed || (_arrivals?.Due(_wakeDepth) ?? false);

    /// <summary>Writer thread: writes every queued frame; refreshes the header when enough audio has gone by.</summary>
    internal void Drain()
    {
        // Ticks filled on arrival come first: the clock's queue only holds ticks after them.
        if (!DrainArrivals())
        {
            return;
        }

        long head = Volatile.Read(ref _head);
        long tail = _tail;
        if (head == tail)
        {
            return;
        }

        if (_failed)
        {
            Volatile.Write(ref _discardedFrames, _discardedFrames + (head - tail));
            Volatile.Write(ref _tail, head);
            return;
        }

        try
        {
            while (tail < head)
            {
                int index = (int)(tail % _capacity);
                int frames = (int)Math.Min(head - tail, _capacity - index);
                if (_dataBytes + (long)frames * _slotBytes > WavHeader.MaxDataBytes)
                {
                    throw new IOException($"The recording reached the 4 GiB limit of a WAV file after {_framesWritten} frames.");
                }

                _stream.Write(_ring, index * _slotBytes, frames * _slotBytes);
                _dataBytes += (long)frames * _slotBytes;
                _framesWritten += frames;
                tail += frames;
                Volatile.Write(ref _tail, tail);
            }

            if (_framesWritten - _framesAtLastRefresh >= _refreshFrames)
            {
                RefreshHeader();
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            Fail(error);
            Volatile.Write(ref _discardedFrames, _discardedFrames + (head - tail));
            Volatile.Write(ref _tail, head);
        }
    }

    /// <summary>Writer thread, after the last <see cref="Drain"/>: final header, close, report.</summary>
    internal void Complete()
    {
        // Even after a failure the data already written deserves a correct header; if this fails too,
        // RecordingRepair fixes the file on the next start.
        try
        {
            RefreshHeader();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            Fail(error);
        }

        long fileBytes = _headerLength + _dataBytes;
        try
        {
            _stream.Dispose();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Fail(error);
        }

        RecordingPause[] pauses;
        lock (_pauseLock)
        {
            pauses = [.. _pauses];
        }

        _completion.TrySetResult(new RecordingMetadata(
            Path,
            _format,
            _parties,
            _startedAt,
            _recorder.TimeProvider.GetUtcNow(),
            TimeSpan.FromMilliseconds(_framesWritten * AudioFormat.FrameMilliseconds),
            _dataBytes,
            fileBytes,
            _framesWritten,
            pauses,
            DroppedFrames,
            Volatile.Read(ref _invalidFrames),
            Volatile.Read(ref _overrunFrames),
            _failure,
            _arrivals?.OverflowFrames ?? 0));
    }

    private void RefreshHeader()
    {
        // Data first, then the sizes that describe it: a crash in between leaves sizes that are too small, never too big.
        _stream.Flush();
        int length = WavHeader.Write(_header, _format, _dataBytes);
        _stream.Seek(0, SeekOrigin.Begin);
        _stream.Write(_header, 0, length);
        // Back to the end of the data by our own count: SeekOrigin.End would ask the file system for the length each time.
        _stream.Seek(_headerLength + _dataBytes, SeekOrigin.Begin);
        _stream.Flush();
        _framesAtLastRefresh = _framesWritten;
    }

    private void Fail(Exception error)
    {
        _failure ??= error;
        _failed = true;
    }
}
