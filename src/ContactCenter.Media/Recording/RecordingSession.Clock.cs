using System.Runtime.InteropServices;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Mixing;

namespace ContactCenter.Media.Recording;

// The media clock's side: stage each party's frame, then encode the tick into the next free queue slot.
public sealed partial class RecordingSession
{
    private readonly short[][] _staged;
    private readonly bool[] _present;
    private readonly IAudioResampler?[] _resamplers;
    private readonly short[] _block;
    private readonly int[] _mixSum;
    private readonly byte[] _ring;
    private readonly int _slotBytes;
    private readonly int _capacity;
    private readonly int _wakeDepth;

    // _head is published by the clock thread, _tail by the writer thread: a single-producer single-consumer ring.
    private long _head;
    private long _tail;
    private long _committedFrames;
    private long _droppedFrames;
    private long _pausedTicks;
    private long _invalidFrames;
    private long _overrunFrames;

    /// <summary>
    /// Stages one party's 20 ms frame for the current tick: <see cref="StorageFormat"/>'s sample count, or the other
    /// rate's (160 ↔ 320), which is resampled. A silent frame, an unknown party or a wrong length records silence
    /// (the last two are counted in <see cref="RecordingMetadata.InvalidFrames"/>). Never blocks, never throws.
    /// </summary>
    public void WriteFrame(int party, ReadOnlySpan<short> frame, bool silent)
    {
        if ((uint)party >= (uint)_parties)
        {
            _invalidFrames++;
            return;
        }

        if (_present[party])
        {
            _overrunFrames++;
            _present[party] = false;
        }

        if (silent || _stopRequested)
        {
            return;
        }

        short[] staged = _staged[party];
        if (frame.Length == _samplesPerFrame)
        {
            frame.CopyTo(staged);
        }
        else if (frame.Length * 2 == _samplesPerFrame || frame.Length == _samplesPerFrame * 2)
        {
            IAudioResampler resampler = _resamplers[party] ??= AudioResampler.Create(frame.Length * 50, _format.SampleRate);
            int written = resampler.Process(frame, staged);
            if (written < 0)
            {
                _invalidFrames++;
                return;
            }

            staged.AsSpan(written).Clear();
        }
        else
        {
            _invalidFrames++;
            return;
        }

        _present[party] = true;
    }

    /// <summary>Commits the staged frames as one tick of the file (parties that wrote nothing are silent).</summary>
    public void OnTick(long tick)
    {
        if (_stopRequested)
        {
            return;
        }

        if (_paused)
        {
            _pausedTicks++;
            Array.Clear(_present);
            return;
        }

        long head = _head;
        if (_failed || head - Volatile.Read(ref _tail) >= _capacity)
        {
            Interlocked.Increment(ref _droppedFrames);
            Array.Clear(_present);
            _recorder.Signal();
            return;
        }

        BuildBlock();
        EncodeBlock(_ring.AsSpan((int)(head % _capacity) * _slotBytes, _slotBytes));
        // A full fence: the writer clears its wake flag and then reads _head; this side publishes _head and then reads the flag.
        Interlocked.Exchange(ref _head, head + 1);
        Volatile.Write(ref _committedFrames, _committedFrames + 1);
        if (head + 1 - Volatile.Read(ref _tail) >= _wakeDepth)
        {
            _recorder.Signal();
        }
    }

    private void BuildBlock()
    {
        int samples = _samplesPerFrame;
        if (_format.Layout == RecordingLayout.Stereo)
        {
            Span<short> block = _block;
            short[] left = _staged[0];
            short[] right = _staged[1];
            bool hasLeft = _present[0];
            bool hasRight = _present[1];
            for (int i = 0; i < samples; i++)
            {
                block[2 * i] = hasLeft ? left[i] : (short)0;
                block[2 * i + 1] = hasRight ? right[i] : (short)0;
            }
        }
        else
        {
            Span<int> sum = _mixSum;
            sum.Clear();
            for (int party = 0; party < _parties; party++)
            {
                if (_present[party])
                {
                    short[] staged = _staged[party];
                    for (int i = 0; i < samples; i++)
                    {
                        sum[i] += staged[i];
                    }
                }
            }

            PcmMath.Saturate(sum, _block);
        }

        Array.Clear(_present);
    }

    private void EncodeBlock(Span<byte> slot)
    {
        switch (_format.Encoding)
        {
            case RecordingEncoding.MuLaw:
                MuLaw.Encode(_block, slot);
                break;
            case RecordingEncoding.ALaw:
                ALaw.Encode(_block, slot);
                break;
            default:
                if (BitConverter.IsLittleEndian)
                {
                    MemoryMarshal.AsBytes(_block.AsSpan()).CopyTo(slot);
                }
                else
                {
                    for (int i = 0; i < _block.Length; i++)
                    {
                        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(slot[(2 * i)..], _block[i]);
                    }
                }

                break;
        }
    }
}
