using System.Numerics;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Recording;

// A stereo G.711 recording filled as packets arrive (ArrivalFrames) until it ends or leaves that mode for the clock's.
public sealed partial class RecordingSession
{
    private volatile ArrivalFrames? _arrivals;

    /// <summary>The frames filled on arrival, or null (the clock feeds this recording).</summary>
    internal ArrivalFrames? Arrivals => _arrivals;

    /// <summary>True while the file's ticks come from <see cref="Arrivals"/> (started and not ended).</summary>
    internal bool ArrivalsActive => _arrivals is { Ended: false };

    /// <summary>
    /// True when this file can be filled on arrival from two parties sending <paramref name="law"/>: stereo, two
    /// parties, G.711 in that law, nothing written by the clock yet.
    /// </summary>
    internal bool CanFillOnArrival(G711Codec law) =>
        _stereo && _parties == 2 && _arrivals is null && Volatile.Read(ref _head) == 0 && !_stopRequested
        && _format.SampleRate == 8000
        && _format.Encoding == EncodingOf(law);

    /// <summary>
    /// Fills the file on arrival from the tick after <paramref name="startAfter"/> (read under the engine's tick lock);
    /// returns the frames whose feeds the caller attaches to the parties' endpoints.
    /// </summary>
    internal ArrivalFrames FillOnArrival(TickSequence ticks, G711Codec law, long startAfter)
    {
        // 1.28 s of slack per party unless the recording asked for a longer queue than the default: with hundreds of
        // calls recorded the rings are the receive loops' working set (64 ticks: 10 MB for 500 calls), and a larger one
        // only spreads the same stores over more cache lines.
        var capacity = _capacity > RecordingOptions.DefaultQueueFrames
            ? (int)BitOperations.RoundUpToPowerOf2((uint)_capacity)
            : ArrivalFrames.MinimumCapacity;
        var arrivals = new ArrivalFrames(ticks, law, _silence, startAfter, _recorder.SignalUrgent, capacity);
        _arrivals = arrivals;
        _recorder.ArrivalsStarted();
        return arrivals;
    }

    /// <summary>
    /// Under the engine's tick lock: the file's ticks after <paramref name="through"/> come from the clock (or none, when
    /// stopping). Returns the last tick filled on arrival.
    /// </summary>
    internal long EndArrivals(long through)
    {
        var arrivals = _arrivals!;

        // Those ticks are in the file's timeline now, counted before the end is published (FramesCommitted switches
        // to this count then); the clock's commits count on from there. Never behind what the writer has taken.
        var end = Math.Max(through, arrivals.Claimed);
        Volatile.Write(ref _committedFrames, end - arrivals.Start);
        arrivals.End(end);
        _recorder.SignalUrgent();
        return end;
    }

    // Writer thread: every tick ready, both parties interleaved, in batches of up to a ring's worth. False while
    // ticks filled on arrival are still to come (the clock's queue, which only holds later ticks, waits).
    private bool DrainArrivals()
    {
        var arrivals = _arrivals;
        if (arrivals is null || arrivals.Finished)
        {
            return true;
        }

        if (!arrivals.TryClaim(out var from, out var through))
        {
            return arrivals.Finished;
        }

        var batch = _recorder.ArrivalBatch;
        var perBatch = batch.Length / _slotBytes;
        var tick = from;
        try
        {
            while (tick <= through)
            {
                var frames = (int)Math.Min(through - tick + 1, perBatch);
                if (_failed)
                {
                    arrivals.ReadThrough(through);
                    Volatile.Write(ref _discardedFrames, _discardedFrames + (through - tick + 1));
                    break;
                }

                if (_dataBytes + ((long)frames * _slotBytes) > WavHeader.MaxDataBytes)
                {
                    throw new IOException($"The recording reached the 4 GiB limit of a WAV file after {_framesWritten} frames.");
                }

                for (var i = 0; i < frames; i++)
                {
                    arrivals.ReadStereo(tick + i, batch.AsSpan(i * _slotBytes, _slotBytes));
                }

                arrivals.ReadThrough(tick + frames - 1);
                _stream.Write(batch, 0, frames * _slotBytes);
                _dataBytes += (long)frames * _slotBytes;
                _framesWritten += frames;
                tick += frames;
            }

            if (_framesWritten - _framesAtLastRefresh >= _refreshFrames)
            {
                RefreshHeader();
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            Fail(error);
            arrivals.ReadThrough(through);
            Volatile.Write(ref _discardedFrames, _discardedFrames + (through - tick + 1));
        }

        return arrivals.Finished;
    }
}
